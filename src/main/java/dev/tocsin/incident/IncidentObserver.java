package dev.tocsin.incident;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * Told about every change of an incident's status inside the transaction that makes it, so whatever follows
 * from it (paging, stopping the pages) commits together with the change or not at all. The paging engine is
 * the first observer in production ({@link #all} runs a list); {@link #NONE} serves code and tests that page
 * nobody. What only needs to know after the commit subscribes to {@code events.IncidentEvents} instead.
 */
public interface IncidentObserver {
    IncidentObserver NONE = new IncidentObserver() {
        @Override
        public void opened(Handle handle, Incident incident, Instant at) {
        }

        @Override
        public void changed(Handle handle, Incident before, Incident after, String by, Instant at) {
        }
    };

    /**
     * The observers that run inside each incident change, in order (paging first in production). Adding one is a
     * line in the wiring; nothing here changes.
     */
    static IncidentObserver all(java.util.List<IncidentObserver> observers) {
        java.util.List<IncidentObserver> inOrder = java.util.List.copyOf(observers);
        if (inOrder.size() == 1) return inOrder.get(0);
        return new IncidentObserver() {
            @Override
            public void opened(Handle handle, Incident incident, Instant at) {
                for (IncidentObserver observer : inOrder) observer.opened(handle, incident, at);
            }

            @Override
            public void changed(Handle handle, Incident before, Incident after, String by, Instant at) {
                for (IncidentObserver observer : inOrder) observer.changed(handle, before, after, by, at);
            }

            @Override
            public void snoozed(Handle handle, Incident incident, Instant until, dev.tocsin.trace.Actor by, Instant at) {
                for (IncidentObserver observer : inOrder) observer.snoozed(handle, incident, until, by, at);
            }
        };
    }

    /** A new incident was triggered. */
    void opened(Handle handle, Incident incident, Instant at);

    /** The incident's status changed (acknowledged, resolved, triggered again); {@code by} is the actor. */
    void changed(Handle handle, Incident before, Incident after, String by, Instant at);

    /**
     * The incident was snoozed until {@code until} (after {@link #changed} if the snooze acknowledged it): whatever
     * ends the snooze is scheduled here. By default nothing.
     */
    default void snoozed(Handle handle, Incident incident, Instant until, dev.tocsin.trace.Actor by, Instant at) {
    }
}
