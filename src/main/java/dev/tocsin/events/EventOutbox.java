package dev.tocsin.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the {@code event_outbox} table: events queued for durable listeners, one row per event and listener. */
final class EventOutbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One queued event. */
    record Queued(long id, String listener, IncidentEvent event) {
    }

    /** A (listener, incident) pair with events waiting. */
    record Waiting(String listener, long incidentId) {
    }

    private EventOutbox() {
    }

    static void add(Handle handle, String listener, IncidentEvent event) {
        handle.createUpdate("INSERT INTO event_outbox (listener, incident_id, event, created_at)"
                        + " VALUES (:listener, :incident, :event, :at)")
                .bind("listener", listener).bind("incident", event.incidentId()).bind("event", write(event))
                .bind("at", event.at().toEpochMilli()).execute();
    }

    /** The oldest event queued for this listener on this incident. */
    static Optional<Queued> oldest(Handle handle, String listener, long incidentId) {
        return handle.createQuery("SELECT id, event FROM event_outbox WHERE listener = :listener AND incident_id = :incident"
                        + " ORDER BY id LIMIT 1")
                .bind("listener", listener).bind("incident", incidentId)
                .map((rs, ctx) -> new Queued(rs.getLong("id"), listener, read(rs.getString("event"))))
                .findOne();
    }

    static void remove(Handle handle, long id) {
        handle.createUpdate("DELETE FROM event_outbox WHERE id = :id").bind("id", id).execute();
    }

    static List<Waiting> waiting(Handle handle) {
        return handle.createQuery("SELECT DISTINCT listener, incident_id FROM event_outbox")
                .map((rs, ctx) -> new Waiting(rs.getString("listener"), rs.getLong("incident_id"))).list();
    }

    static long count(Handle handle, String listener) {
        return handle.createQuery("SELECT COUNT(*) FROM event_outbox WHERE listener = :listener")
                .bind("listener", listener).mapTo(Long.class).one();
    }

    private static String write(IncidentEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("incident_id", event.incidentId());
        node.put("kind", event.kind());
        node.put("actor", event.actor().toString());
        node.put("channel", event.channel().wireName());
        node.put("at", event.at().toEpochMilli());
        node.put("message", event.message());
        return node.toString();
    }

    private static IncidentEvent read(String text) {
        try {
            var node = JSON.readTree(text);
            return new IncidentEvent(node.path("incident_id").asLong(), node.path("kind").asText(),
                    Actor.parse(node.path("actor").asText()),
                    Channel.fromWireName(node.path("channel").asText()).orElse(Channel.SYSTEM),
                    Instant.ofEpochMilli(node.path("at").asLong()), node.path("message").isNull() ? null : node.path("message").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable event in the outbox: " + e.getOriginalMessage(), e);
        }
    }
}
