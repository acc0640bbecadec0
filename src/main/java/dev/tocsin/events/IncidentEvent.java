package dev.tocsin.events;

import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Instant;

/**
 * One thing that happened to an incident, as its listeners see it: every timeline entry is one event. {@code kind}
 * is the timeline's kind — {@code triggered}, {@code acknowledged}, {@code unacknowledged}, {@code retriggered},
 * {@code escalated_manually}, {@code responders_added}, {@code paged}, {@code notified}, {@code reassigned},
 * {@code note}, {@code alert_resolved}, {@code resolved}, … (docs/architecture.md lists them) — with who did it,
 * through which channel, when, and the timeline's sentence.
 */
public record IncidentEvent(long incidentId, String kind, Actor actor, Channel channel, Instant at, String message) {
    /** The incident's human number, "#42". */
    public String number() {
        return "#" + incidentId;
    }
}
