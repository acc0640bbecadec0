package dev.tocsin.events;

/**
 * Told of each incident event after the transaction that made it committed, in the order this node committed
 * them, on the stream's own thread (never the database writer's). Best effort and in memory: an event committed
 * while the process dies is not told. For live views (Server-Sent Events); a listener that must not miss an
 * event is a {@link DurableIncidentListener}. It must return quickly and not throw.
 */
@FunctionalInterface
public interface IncidentEventListener {
    void on(IncidentEvent event);
}
