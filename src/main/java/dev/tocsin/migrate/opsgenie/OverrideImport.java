package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.config.Document;
import dev.tocsin.migrate.PlannedOverride;
import dev.tocsin.schedule.Layer;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opsgenie overrides → Tocsin overrides. One for the whole schedule (no rotations, or all of them) replaces
 * everyone. One for some rotations replaces, turn by turn, whoever those rotations have on call, computed from
 * the imported layers; parts where those rotations have nobody are reported.
 */
final class OverrideImport {
    private final Mapping mapping;
    private final ScheduleImport schedules;
    private final Document document;

    OverrideImport(Mapping mapping, ScheduleImport schedules, Document document) {
        this.mapping = mapping;
        this.schedules = schedules;
        this.document = document;
    }

    List<PlannedOverride> map(String scheduleId, JsonNode schedule, JsonNode override, Instant from, Instant until) {
        String scheduleName = schedule.path("name").asText();
        String alias = override.path("alias").asText();
        String source = scheduleName + ": " + alias;
        Instant start = OffsetDateTime.parse(override.path("startDate").asText()).toInstant();
        Instant end = OffsetDateTime.parse(override.path("endDate").asText()).toInstant();
        if (!end.isAfter(from) || !start.isBefore(until)) {
            mapping.report.mapped("override", source, "not imported (outside the next 90 days)");
            return List.of();
        }
        JsonNode user = override.path("user");
        String userId = mapping.user(user.path("id").asText());
        if (userId == null) userId = mapping.user(user.path("username").asText());
        if (userId == null) {
            mapping.report.unmapped("override", source, user.path("type").asText() + " " + user.path("name").asText(user.path("username").asText()),
                    "a Tocsin override puts a user on call", "not imported");
            return List.of();
        }
        Set<String> rotations = new HashSet<>();
        override.path("rotations").forEach(rotation -> rotations.add(rotation.path("id").asText()));
        Set<String> all = new HashSet<>();
        schedule.path("rotations").forEach(rotation -> all.add(rotation.path("id").asText()));
        String reason = "imported from Opsgenie: " + alias;
        if (rotations.isEmpty() || rotations.containsAll(all)) {
            mapping.report.mapped("override", source, "override: " + userId + " replacing everyone " + start + "–" + end);
            return List.of(new PlannedOverride(scheduleId, userId, null, start, end, reason));
        }
        Optional<Schedule> imported = document == null ? Optional.empty()
                : document.schedules().stream().filter(candidate -> candidate.id().equals(scheduleId)).findFirst();
        if (imported.isEmpty()) {
            mapping.report.unmapped("override", source, "override of some rotations", "the schedule did not validate", "not imported");
            return List.of();
        }
        Set<String> layerNames = new HashSet<>();
        for (String rotation : rotations) layerNames.addAll(schedules.layersOfRotation.getOrDefault(rotation, List.of()));
        List<Layer> layers = imported.get().layers().stream().filter(layer -> layerNames.contains(layer.name())).toList();
        Schedule only = new Schedule(scheduleId, scheduleName, null, imported.get().timezone(), layers);
        List<PlannedOverride> planned = new ArrayList<>();
        for (Shift shift : new OnCall(only, List.of()).shifts(start, end)) {
            if (shift.isGap()) {
                mapping.report.unmapped("override", source, "part " + shift.start() + "–" + shift.end() + " where its rotations have nobody",
                        "a Tocsin override of one user needs someone to replace", "left out");
                continue;
            }
            for (String replaced : shift.users()) {
                if (replaced.equals(userId)) continue;
                planned.add(new PlannedOverride(scheduleId, userId, replaced, shift.start(), shift.end(), reason));
            }
        }
        mapping.report.mapped("override", source, planned.size() + " override(s): " + userId + " replacing who the rotations "
                + rotations.size() + " had on call");
        return planned;
    }
}
