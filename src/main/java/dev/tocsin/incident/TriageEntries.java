package dev.tocsin.incident;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline entries that tell what event rules did to an incident ("Urgency low: set by rule 'cert-far'"),
 * so every change the rules make is on the record next to the alert that caused it. Pure.
 */
final class TriageEntries {
    private TriageEntries() {
    }

    /** Entries for an incident just opened under {@code triage}; {@code integrationService} is where the alert arrived. */
    static List<TimelineEntry> opened(Incident incident, AlertTriage triage, String integrationService, Instant at) {
        if (triage == AlertTriage.NONE) return List.of();
        List<TimelineEntry> entries = new ArrayList<>();
        if (triage.routeTo() != null) {
            entries.add(entry(incident, at, "routed", "Routed from service " + integrationService + " to "
                    + triage.routeTo().value() + " by " + triage.routeTo().by(), "route_to", triage.routeTo()));
        }
        if (triage.urgency() != null) {
            entries.add(entry(incident, at, "urgency_set", "Urgency " + triage.urgency().value().wireName() + ": set by "
                    + triage.urgency().by(), "urgency", new AlertTriage.Decision<>(triage.urgency().value().wireName(), triage.urgency().by())));
        }
        if (triage.priority() != null) {
            entries.add(entry(incident, at, "priority_set", "Priority " + triage.priority().value() + ": set by "
                    + triage.priority().by(), "priority", triage.priority()));
        }
        if (triage.groupKey() != null) {
            entries.add(entry(incident, at, "grouping", "Grouping key '" + triage.groupKey().value() + "' (by "
                    + triage.groupKey().by() + "): alerts with this key join this incident for "
                    + dev.tocsin.time.Durations.format(triage.groupWindow()), "group_key", triage.groupKey()));
        }
        if (triage.runbook() != null) {
            entries.add(entry(incident, at, "runbook", "Runbook: " + triage.runbook().value() + " (from "
                    + triage.runbook().by() + ")", "runbook", triage.runbook()));
        }
        entries.addAll(notes(incident, triage, at));
        return entries;
    }

    /** The notes rules add, also when an alert joins an incident. */
    static List<TimelineEntry> notes(Incident incident, AlertTriage triage, Instant at) {
        if (triage.notes().isEmpty()) return List.of();
        List<TimelineEntry> entries = new ArrayList<>();
        for (AlertTriage.Decision<String> note : triage.notes()) {
            entries.add(entry(incident, at, "note", "Note from " + note.by() + ": " + note.value(), "note", note));
        }
        return entries;
    }

    private static TimelineEntry entry(Incident incident, Instant at, String kind, String message, String field,
                                       AlertTriage.Decision<String> decision) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put(field, decision.value()).put("by", decision.by());
        return TimelineEntry.of(incident.id(), at, kind, Actor.system(), Channel.EVENT, message, data);
    }
}
