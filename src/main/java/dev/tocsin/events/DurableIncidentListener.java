package dev.tocsin.events;

/**
 * A listener that must not miss an incident event (a chat channel's message and log thread, an outbound webhook):
 * each event is written to its outbox in the transaction that records the event, and handed to {@link #deliver}
 * later, one incident's events strictly in order, at least once — a node that dies after delivering but before
 * recording it delivers it again from another node. Throwing retries the same event later with the timer engine's
 * backoff; the incident's later events wait behind it.
 */
public interface DurableIncidentListener {
    /** A stable name, stored with each outbox row: renaming a listener orphans what is queued for it. */
    String name();

    /** Takes one event (talks to the outside world; runs outside the database writer, under a lease). */
    void deliver(IncidentEvent event) throws Exception;
}
