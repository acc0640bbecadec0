package dev.tocsin.migrate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a source became: the Tocsin configuration (as the YAML tree: {@code users}, {@code teams}, …), the
 * schedules and overrides for the equivalence check, and the report of every object and every feature that
 * does not map exactly.
 *
 * @param configuration the YAML tree, sections in file order
 * @param people        a source recipient key (id or name, as the source's timelines name them) → Tocsin users
 */
public record Migration(Map<String, Object> configuration, List<ImportedSchedule> schedules,
                        List<PlannedOverride> overrides, Map<String, Set<String>> people, Report report) {
    public Migration {
        schedules = List.copyOf(schedules);
        overrides = List.copyOf(overrides);
        people = Map.copyOf(people);
    }

    /** The overrides of one Tocsin schedule. */
    public List<PlannedOverride> overridesOf(String scheduleId) {
        return overrides.stream().filter(override -> override.scheduleId().equals(scheduleId)).toList();
    }
}
