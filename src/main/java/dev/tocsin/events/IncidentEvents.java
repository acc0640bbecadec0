package dev.tocsin.events;

import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ordered stream of incident events. The incident store records each timeline entry here inside the
 * transaction that writes it; from there an event goes two ways:
 * <ul>
 *   <li>to every {@link DurableIncidentListener}: a row in its outbox, written in that same transaction, and an
 *   {@code event-outbox} timer that drains the incident's queue in order ({@link OutboxDelivery});</li>
 *   <li>to every {@link IncidentEventListener}, after the transaction committed, on this stream's one thread.</li>
 * </ul>
 * A new channel (SSE, chat, webhooks) subscribes here; nothing in {@code incident/} changes for it. Durable
 * listeners are subscribed while the server is wired, before the timer engine starts.
 */
public final class IncidentEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentEvents.class);

    private final List<IncidentEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, DurableIncidentListener> durable = new ConcurrentHashMap<>();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "incident-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Runnable wake;

    /** @param wake the timer engine's wake-up, called after a transaction queued events for a durable listener */
    public IncidentEvents(Runnable wake) {
        this.wake = wake;
    }

    /** A stream with no listeners yet and nothing to wake (tests and tools that only record). */
    public static IncidentEvents none() {
        return new IncidentEvents(() -> {
        });
    }

    public void subscribe(IncidentEventListener listener) {
        listeners.add(listener);
    }

    public void subscribeDurably(DurableIncidentListener listener) {
        if (durable.putIfAbsent(listener.name(), listener) != null) {
            throw new IllegalArgumentException("a durable listener named '" + listener.name() + "' is subscribed already");
        }
    }

    /** The timer handler that drains the durable listeners' outboxes; the engine runs it. */
    public TimerHandler outboxHandler(Database database) {
        return new OutboxDelivery(database, durable::get);
    }

    /**
     * Records an event inside the transaction that writes it: queued for each durable listener now, told to the
     * in-memory listeners once the transaction commits (and never if it rolls back).
     */
    public void record(Handle handle, IncidentEvent event) {
        if (!durable.isEmpty()) {
            for (String name : durable.keySet()) {
                EventOutbox.add(handle, name, event);
                Timers.ensure(handle, OutboxDelivery.KIND, OutboxDelivery.key(name, event.incidentId()),
                        OutboxDelivery.payload(name, event.incidentId()), event.at(), event.at());
            }
            handle.afterCommit(wake);
        }
        if (!listeners.isEmpty()) handle.afterCommit(() -> dispatch.execute(() -> tell(event)));
    }

    /**
     * Schedules a drain for every queue with events waiting: at start, so a queue whose drain gave up (a listener
     * that kept failing) is tried again after a restart.
     */
    public void resumeWaiting(Database database, Instant now) {
        database.writeAndWait(handle -> {
            for (EventOutbox.Waiting waiting : EventOutbox.waiting(handle)) {
                Timers.ensure(handle, OutboxDelivery.KIND, OutboxDelivery.key(waiting.listener(), waiting.incidentId()),
                        OutboxDelivery.payload(waiting.listener(), waiting.incidentId()), now, now);
            }
            return null;
        });
    }

    private void tell(IncidentEvent event) {
        for (IncidentEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("Incident event listener {} failed on {} {}", listener.getClass().getName(), event.number(), event.kind(), e);
            }
        }
    }

    @Override
    public void close() {
        dispatch.shutdown();
    }
}
