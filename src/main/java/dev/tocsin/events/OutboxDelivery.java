package dev.tocsin.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code event-outbox} timer: hands one durable listener the oldest event queued for it on one incident
 * (outside the writer, under the engine's lease), then, in the completing transaction, removes it and schedules
 * itself again if more are queued. One timer per (listener, incident) and one event per firing keep each
 * incident's events in order; a failing listener is retried with the engine's backoff, the rest waiting behind.
 */
final class OutboxDelivery implements TimerHandler.WithOutsideWork {
    static final String KIND = "event-outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Function<String, DurableIncidentListener> listeners;

    OutboxDelivery(Database database, Function<String, DurableIncidentListener> listeners) {
        this.database = database;
        this.listeners = listeners;
    }

    static String key(String listener, long incidentId) {
        return KIND + "/" + listener + "/" + incidentId;
    }

    static String payload(String listener, long incidentId) {
        return JSON.createObjectNode().put("listener", listener).put("incident_id", incidentId).toString();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** One lane per queue: a slow listener on one incident does not hold up other incidents or listeners. */
    @Override
    public Object lane(Timer timer) {
        return timer.key();
    }

    @Override
    public Object perform(Timer timer, Instant now) throws Exception {
        var payload = JSON.readTree(timer.payload());
        String name = payload.path("listener").asText();
        long incidentId = payload.path("incident_id").asLong();
        DurableIncidentListener listener = listeners.apply(name);
        if (listener == null) {
            LOG.warn("Events queued for listener '{}' on incident #{} wait: no such listener is subscribed", name, incidentId);
            return Optional.empty();
        }
        Optional<EventOutbox.Queued> next = database.jdbi().withHandle(handle -> EventOutbox.oldest(handle, name, incidentId));
        if (next.isPresent()) listener.deliver(next.get().event());
        return next;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void complete(Handle handle, Timer timer, Instant now, Object outcome) {
        Optional<EventOutbox.Queued> delivered = (Optional<EventOutbox.Queued>) outcome;
        if (delivered.isEmpty()) return;
        EventOutbox.Queued queued = delivered.get();
        EventOutbox.remove(handle, queued.id());
        if (EventOutbox.oldest(handle, queued.listener(), queued.event().incidentId()).isPresent()) {
            Timers.ensure(handle, KIND, timer.key(), timer.payload(), now, now);
        }
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        // Always completed through complete(): the outcome says what was delivered.
    }
}
