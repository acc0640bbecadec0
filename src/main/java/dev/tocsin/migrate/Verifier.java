package dev.tocsin.migrate;

import dev.tocsin.config.ConfigFiles;
import dev.tocsin.config.Document;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves an import: for every imported schedule, the source's final timeline for the next weeks against
 * Tocsin's who-is-on-call computed in-process ({@link OnCall}) over the configuration text as the real parser
 * reads it, with the imported overrides. No Tocsin server is needed.
 */
public final class Verifier {
    /** Weeks compared when not told otherwise. */
    public static final int DEFAULT_WEEKS = 4;

    private Verifier() {
    }

    /**
     * One verdict per imported schedule, from {@code from} (cut to the minute) for {@code weeks} weeks.
     *
     * @param yaml the configuration to check (the one just written, or an edited {@code --config} file)
     */
    public static List<Equivalence.Verdict> verify(Source source, Migration migration, String yaml, String yamlName,
                                                   Map<String, String> env, Instant from, int weeks) {
        Document document = ConfigFiles.read(yaml, yamlName, env);
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(Duration.ofDays(7L * weeks));
        List<Equivalence.Verdict> verdicts = new ArrayList<>();
        for (ImportedSchedule imported : migration.schedules()) {
            Optional<Schedule> schedule = document.schedules().stream()
                    .filter(candidate -> candidate.id().equals(imported.tocsinId())).findFirst();
            if (schedule.isEmpty()) {
                verdicts.add(new Equivalence.Verdict(imported.tocsinId(), List.of(new Equivalence.Difference(start, end,
                        java.util.Set.of("(schedule " + imported.name() + ")"), java.util.Set.of("(not in " + yamlName + ")")))));
                continue;
            }
            List<Override> overrides = new ArrayList<>();
            for (PlannedOverride planned : migration.overridesOf(imported.tocsinId())) {
                overrides.add(planned.toOverride(overrides.size() + 1));
            }
            OnCall onCall = new OnCall(schedule.get(), overrides);
            List<SourcePeriod> periods = source.finalTimeline(migration, imported, start, end);
            verdicts.add(Equivalence.compare(imported.tocsinId(), periods, onCall, start, end));
        }
        return verdicts;
    }
}
