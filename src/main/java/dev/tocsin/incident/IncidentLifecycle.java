package dev.tocsin.incident;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Instant;
import java.util.List;

/**
 * The rules of an incident's life, as pure functions of (state, command, time): no clock, no database.
 * The store applies what these return; the same rules will serve the engine and {@code simulate}.
 */
public final class IncidentLifecycle {
    private IncidentLifecycle() {
    }

    /** A new incident opened by its first alert. */
    public static Incident open(long id, String serviceId, AlertEvent event, Instant at) {
        return new Incident(id, serviceId, title(event), IncidentStatus.TRIGGERED, event.severity().defaultUrgency(),
                event.severity(), at, at, null, null, null, null, 1, 1, List.of());
    }

    /** A new incident whose urgency the event rules (or the severity) decided. */
    public static Incident open(long id, String serviceId, AlertEvent event, dev.tocsin.urgency.Urgency urgency, Instant at) {
        return new Incident(id, serviceId, title(event), IncidentStatus.TRIGGERED, urgency, event.severity(), at, at,
                null, null, null, null, 1, 1, List.of());
    }

    /**
     * A new alert joins an open incident with the same grouping key: one more alert, one more open; the status
     * stays as it is (an acknowledged incident is not paged again for an alert of its own group).
     */
    public static Transition.Changed alertJoined(Incident incident, long alertId, AlertEvent event,
                                                 AlertTriage.Decision<String> groupKey, Actor actor, Instant at) {
        Incident counted = new Incident(incident.id(), incident.serviceId(), incident.title(), incident.status(),
                incident.urgency(), incident.severity(), incident.createdAt(), at, incident.acknowledgedAt(),
                incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(), incident.alertCount() + 1,
                incident.openAlerts() + 1, incident.assignees());
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("alert_id", alertId).put("dedup_key", event.dedupKey()).put("group_key", groupKey.value())
                .put("format", event.format());
        return new Transition.Changed(counted, List.of(TimelineEntry.of(incident.id(), at, "alert_grouped", actor,
                Channel.EVENT, "Alert " + event.dedupKey() + " joined (grouping key '" + groupKey.value() + "', by "
                        + groupKey.by() + "): " + title(event), data)));
    }

    /** The title an alert's event gives (its summary, cut to the longest title). */
    public static String titleOf(AlertEvent event) {
        return title(event);
    }

    public static TimelineEntry triggeredEntry(Incident incident, long alertId, AlertEvent event, Actor actor) {
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("alert_id", alertId)
                .put("dedup_key", event.dedupKey())
                .put("format", event.format())
                .put("severity", event.severity().wireName());
        if (event.sentSeverity() != null && !event.sentSeverity().equalsIgnoreCase(event.severity().wireName())) {
            data.put("sent_severity", event.sentSeverity());
        }
        return TimelineEntry.of(incident.id(), incident.createdAt(), "triggered", actor, Channel.EVENT,
                "Triggered by " + event.format() + " alert: " + incident.title(), data);
    }

    public static Transition acknowledge(Incident incident, Actor actor, Channel channel, Instant at) {
        return switch (incident.status()) {
            case RESOLVED -> new Transition.Refused(incident, "incident " + incident.number() + " is already resolved");
            case ACKNOWLEDGED -> new Transition.Unchanged(incident, "incident " + incident.number()
                    + " is already acknowledged by " + incident.acknowledgedBy());
            case TRIGGERED -> changed(incident.withStatus(IncidentStatus.ACKNOWLEDGED, at, actor.toString()),
                    "acknowledged", actor, channel, at, "Acknowledged by " + actor.id() + " via " + channel.wireName());
        };
    }

    /**
     * The service's acknowledgement timeout ran out on an incident still acknowledged: it is triggered again
     * and pages again. Anything else (resolved, or acknowledged again later) is left alone.
     */
    /** Takes an acknowledgement back: the incident is triggered again, so its people are paged again. */
    public static Transition unacknowledge(Incident incident, Actor actor, Channel channel, Instant at) {
        return switch (incident.status()) {
            case RESOLVED -> new Transition.Refused(incident, "incident " + incident.number() + " is already resolved");
            case TRIGGERED -> new Transition.Unchanged(incident, "incident " + incident.number() + " is not acknowledged");
            case ACKNOWLEDGED -> changed(incident.withStatus(IncidentStatus.TRIGGERED, at, null), "unacknowledged", actor,
                    channel, at, "Unacknowledged by " + actor.id() + " via " + channel.wireName()
                            + " (was acknowledged by " + incident.acknowledgedBy() + "): triggered again");
        };
    }

    public static Transition acknowledgementTimedOut(Incident incident, java.time.Duration timeout, Instant acknowledgedAt,
                                                     Instant at) {
        if (incident.status() != IncidentStatus.ACKNOWLEDGED || !acknowledgedAt.equals(incident.acknowledgedAt())) {
            return new Transition.Unchanged(incident, "incident " + incident.number() + " is no longer in that acknowledgement");
        }
        return changed(incident.withStatus(IncidentStatus.TRIGGERED, at, null), "ack_timeout", Actor.system(),
                Channel.SYSTEM, at, "Acknowledged by " + incident.acknowledgedBy() + " but not resolved within "
                        + dev.tocsin.time.Durations.format(timeout) + ": triggered again");
    }

    /** Escalated by hand while acknowledged: triggered again, so the people it now goes to are paged. */
    public static Transition escalatedWhileAcknowledged(Incident incident, Actor actor, Channel channel, Instant at) {
        if (incident.status() != IncidentStatus.ACKNOWLEDGED) {
            return new Transition.Unchanged(incident, "incident " + incident.number() + " is not acknowledged");
        }
        return changed(incident.withStatus(IncidentStatus.TRIGGERED, at, null), "retriggered", actor, channel, at,
                "Escalated by " + actor.id() + " while acknowledged: triggered again so the people it goes to are paged");
    }

    /**
     * Snoozed until {@code until}: paging stops (a triggered incident is acknowledged by the snoozer) and the
     * incident is triggered again when the snooze ends. Snoozing again moves the end.
     */
    public static Transition snooze(Incident incident, Instant until, Actor actor, Channel channel, Instant at) {
        String message = "Snoozed by " + actor.id() + " via " + channel.wireName() + " until " + until
                + ": no pages until then, then triggered again";
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("until", until.toString());
        return switch (incident.status()) {
            case RESOLVED -> new Transition.Refused(incident, "incident " + incident.number() + " is resolved; nothing to snooze");
            case TRIGGERED -> {
                Incident snoozed = incident.withStatus(IncidentStatus.ACKNOWLEDGED, at, actor.toString());
                yield new Transition.Changed(snoozed, List.of(TimelineEntry.of(incident.id(), at, "snoozed", actor, channel, message, data)));
            }
            case ACKNOWLEDGED -> new Transition.Changed(incident,
                    List.of(TimelineEntry.of(incident.id(), at, "snoozed", actor, channel, message, data)));
        };
    }

    /** The snooze ran out on an incident still acknowledged: triggered again, so it pages per its urgency. */
    public static Transition snoozeEnded(Incident incident, Instant until, Instant at) {
        if (incident.status() != IncidentStatus.ACKNOWLEDGED) {
            return new Transition.Unchanged(incident, "incident " + incident.number() + " is no longer snoozed");
        }
        return changed(incident.withStatus(IncidentStatus.TRIGGERED, at, null), "snooze_ended", Actor.system(),
                Channel.SYSTEM, at, "Snooze until " + until + " ended: triggered again");
    }

    public static Transition resolve(Incident incident, Actor actor, Channel channel, Instant at) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            return new Transition.Unchanged(incident, "incident " + incident.number() + " is already resolved");
        }
        return changed(incident.withStatus(IncidentStatus.RESOLVED, at, actor.toString()),
                "resolved", actor, channel, at, "Resolved by " + actor.id() + " via " + channel.wireName());
    }

    /** One of the incident's alerts was resolved by its source; the incident resolves with its last open alert. */
    public static Transition alertResolved(Incident incident, long alertId, String dedupKey, Actor actor, Instant at) {
        int stillOpen = Math.max(0, incident.openAlerts() - 1);
        Incident counted = new Incident(incident.id(), incident.serviceId(), incident.title(), incident.status(),
                incident.urgency(), incident.severity(), incident.createdAt(), at, incident.acknowledgedAt(),
                incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(), incident.alertCount(),
                stillOpen, incident.assignees());
        TimelineEntry alertEntry = TimelineEntry.of(incident.id(), at, "alert_resolved", actor, Channel.EVENT,
                "Alert " + dedupKey + " resolved by its source",
                JsonNodeFactory.instance.objectNode().put("alert_id", alertId).put("dedup_key", dedupKey));
        if (stillOpen > 0 || !incident.status().isOpen()) {
            return new Transition.Changed(counted, List.of(alertEntry));
        }
        Incident resolved = counted.withStatus(IncidentStatus.RESOLVED, at, actor.toString());
        TimelineEntry resolvedEntry = TimelineEntry.of(incident.id(), at, "resolved", actor, Channel.EVENT,
                "Resolved: every alert was resolved by its source", null);
        return new Transition.Changed(resolved, List.of(alertEntry, resolvedEntry));
    }

    public static Transition reassign(Incident incident, List<String> userIds, Actor actor, Channel channel, Instant at) {
        if (!incident.status().isOpen()) {
            return new Transition.Refused(incident, "incident " + incident.number() + " is resolved; reopen it first");
        }
        Incident reassigned = new Incident(incident.id(), incident.serviceId(), incident.title(), incident.status(),
                incident.urgency(), incident.severity(), incident.createdAt(), at, incident.acknowledgedAt(),
                incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(), incident.alertCount(),
                incident.openAlerts(), userIds);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        userIds.forEach(data.putArray("assignees")::add);
        return new Transition.Changed(reassigned, List.of(TimelineEntry.of(incident.id(), at, "reassigned", actor,
                channel, "Reassigned by " + actor.id() + " to " + String.join(", ", userIds), data)));
    }

    /** What fixed it, written when resolving: kind {@code resolution}. */
    public static TimelineEntry resolutionNote(Incident incident, String text, Actor actor, Channel channel, Instant at) {
        return TimelineEntry.of(incident.id(), at, "resolution", actor, channel, text, null);
    }

    public static TimelineEntry note(Incident incident, String text, Actor actor, Channel channel, Instant at) {
        return TimelineEntry.of(incident.id(), at, "note", actor, channel, text, null);
    }

    private static Transition changed(Incident next, String kind, Actor actor, Channel channel, Instant at,
                                      String message) {
        return new Transition.Changed(next, List.of(TimelineEntry.of(next.id(), at, kind, actor, channel, message, null)));
    }

    static final int MAX_TITLE = 1024;

    private static String title(AlertEvent event) {
        String summary = event.summary() == null || event.summary().isBlank() ? event.dedupKey() : event.summary();
        return summary.length() <= MAX_TITLE ? summary : summary.substring(0, MAX_TITLE);
    }
}
