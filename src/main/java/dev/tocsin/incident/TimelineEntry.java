package dev.tocsin.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Instant;

/**
 * One line of an incident's timeline: what happened, when, who or what did it, and through which channel.
 *
 * @param id   assigned by the store; 0 before it is stored
 * @param kind a stable machine name: {@code triggered}, {@code acknowledged}, {@code resolved},
 *             {@code alert_resolved}, {@code note}, {@code reassigned}, …
 * @param data optional structured detail (alert id, dedup key, assignees …)
 */
public record TimelineEntry(long id, long incidentId, Instant at, String kind, Actor actor, Channel channel,
                            String message, JsonNode data) {
    public static TimelineEntry of(long incidentId, Instant at, String kind, Actor actor, Channel channel,
                                   String message, JsonNode data) {
        return new TimelineEntry(0, incidentId, at, kind, actor, channel, message, data);
    }
}
