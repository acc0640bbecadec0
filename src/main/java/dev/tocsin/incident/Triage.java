package dev.tocsin.incident;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of reshaping incidents by hand — rename, merge, split — as pure functions of (state, command, time),
 * like {@link IncidentLifecycle}: no clock, no database. {@link IncidentTriage} applies what they return.
 */
public final class Triage {
    private Triage() {
    }

    /** What a merge changes: the survivor and the merged incident after it, with their timeline entries. */
    public record Merge(Incident survivor, Incident merged, List<TimelineEntry> entries) {
    }

    /** What a split changes: the incident the alert leaves, the new one it opens, and their timeline entries. */
    public record Split(Incident source, Incident opened, List<TimelineEntry> entries) {
    }

    /** The longest title, in characters (as for titles taken from alerts). */
    public static final int MAX_TITLE = IncidentLifecycle.MAX_TITLE;

    public static Transition rename(Incident incident, String title, Actor actor, Channel channel, Instant at) {
        String wanted = title == null ? "" : title.strip();
        if (wanted.isEmpty()) return new Transition.Refused(incident, "title: a title needs some text");
        if (wanted.length() > MAX_TITLE) return new Transition.Refused(incident, "title: a title is at most " + MAX_TITLE + " characters");
        if (wanted.equals(incident.title())) {
            return new Transition.Unchanged(incident, "incident " + incident.number() + " is already called '" + wanted + "'");
        }
        Incident renamed = copy(incident, wanted, incident.status(), at, incident.alertCount(), incident.openAlerts(),
                incident.assignees());
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("old_title", incident.title()).put("new_title", wanted);
        return new Transition.Changed(renamed, List.of(TimelineEntry.of(incident.id(), at, "renamed", actor, channel,
                "Renamed by " + actor.id() + " via " + channel.wireName() + " from '" + incident.title() + "' to '"
                        + wanted + "'", data)));
    }

    /**
     * Merges {@code merged} into {@code survivor}: the survivor takes the merged incident's alerts (and with them
     * later events with their dedup keys) and its responders; the merged incident is resolved, pointing at the
     * survivor. Refused (with the reason) for an incident merged into itself, or when either is resolved.
     */
    public static Merge merge(Incident merged, Incident survivor, Actor actor, Channel channel, Instant at) {
        if (merged.id() == survivor.id()) {
            throw refused("cannot merge incident " + merged.number() + " into itself");
        }
        if (!survivor.status().isOpen()) {
            throw refused("cannot merge " + merged.number() + " into " + survivor.number() + ": incident "
                    + survivor.number() + " is resolved");
        }
        if (!merged.status().isOpen()) {
            throw refused("cannot merge " + merged.number() + " into " + survivor.number() + ": incident "
                    + merged.number() + " is resolved");
        }
        Set<String> responders = new LinkedHashSet<>(survivor.assignees());
        List<String> added = merged.assignees().stream().filter(user -> !survivor.assignees().contains(user)).toList();
        responders.addAll(added);
        Incident grown = copy(survivor, survivor.title(), survivor.status(), at,
                survivor.alertCount() + merged.alertCount(), survivor.openAlerts() + merged.openAlerts(),
                new ArrayList<>(responders));
        Incident emptied = copy(merged, merged.title(), merged.status(), at, 0, 0, merged.assignees())
                .withStatus(IncidentStatus.RESOLVED, at, actor.toString());
        String how = actor.id() + " via " + channel.wireName();
        ObjectNode intoData = JsonNodeFactory.instance.objectNode().put("merged_incident", merged.id())
                .put("alerts", merged.alertCount()).put("open_alerts", merged.openAlerts());
        added.forEach(intoData.putArray("responders_added")::add);
        ObjectNode fromData = JsonNodeFactory.instance.objectNode().put("merged_into", survivor.id());
        String moved = merged.alertCount() + (merged.alertCount() == 1 ? " alert" : " alerts")
                + (added.isEmpty() ? "" : ", responders " + String.join(", ", added));
        return new Merge(grown, emptied, List.of(
                TimelineEntry.of(merged.id(), at, "merged", actor, channel, "Merged into " + survivor.number() + " by "
                        + how + ": its alerts and responders moved there; resolved here", fromData),
                TimelineEntry.of(survivor.id(), at, "merged_in", actor, channel, "Merged " + merged.number()
                        + " into this by " + how + " (" + moved + "); its own timeline stays on " + merged.number(),
                        intoData)));
    }

    /**
     * Splits one open alert out of {@code source} into a new incident {@code newId}, triggered (and so paged) like
     * any new incident. Refused for an alert that is resolved or not on the incident, for the incident's only
     * alert, and for a resolved incident.
     */
    public static Split split(Incident source, Alert alert, long newId, Actor actor, Channel channel, Instant at) {
        if (alert.incidentId() != source.id()) {
            throw refused("alert " + alert.id() + " is not on incident " + source.number());
        }
        if (!source.status().isOpen()) throw refused("incident " + source.number() + " is resolved; nothing to split");
        if (!alert.open()) throw refused("alert " + alert.id() + " is resolved; only an open alert can be split out");
        if (source.alertCount() <= 1) {
            throw refused("alert " + alert.id() + " is the only alert of incident " + source.number() + "; nothing to split from");
        }
        Incident shrunk = copy(source, source.title(), source.status(), at, source.alertCount() - 1,
                Math.max(0, source.openAlerts() - 1), source.assignees());
        Incident opened = new Incident(newId, source.serviceId(), alert.summary(), IncidentStatus.TRIGGERED,
                alert.severity().defaultUrgency(), alert.severity(), at, at, null, null, null, null, 1, 1, List.of());
        String how = actor.id() + " via " + channel.wireName();
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("alert_id", alert.id())
                .put("dedup_key", alert.dedupKey());
        return new Split(shrunk, opened, List.of(
                TimelineEntry.of(source.id(), at, "split", actor, channel, "Alert " + alert.dedupKey() + " split out into #"
                        + newId + " by " + how, data.deepCopy().put("new_incident", newId)),
                TimelineEntry.of(newId, at, "split_from", actor, channel, "Split out of " + source.number() + " by " + how
                        + ": alert " + alert.dedupKey() + " (" + alert.summary() + ")", data.deepCopy().put("from_incident", source.id()))));
    }

    /** A triage command that contradicts the incidents' state is invalid input (400), naming the incident. */
    private static dev.tocsin.refusal.Refusal refused(String reason) {
        return dev.tocsin.refusal.Refusal.invalid(reason);
    }

    private static Incident copy(Incident incident, String title, IncidentStatus status, Instant at, int alertCount,
                                 int openAlerts, List<String> assignees) {
        return new Incident(incident.id(), incident.serviceId(), title, status, incident.urgency(), incident.severity(),
                incident.createdAt(), at, incident.acknowledgedAt(), incident.acknowledgedBy(), incident.resolvedAt(),
                incident.resolvedBy(), alertCount, openAlerts, assignees);
    }
}
