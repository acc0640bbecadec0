package dev.tocsin.incident;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * Told about every change of an incident's status inside the transaction that makes it, so whatever follows
 * from it (paging, stopping the pages) commits together with the change or not at all. The paging engine is
 * the observer in production; {@link #NONE} serves code and tests that page nobody.
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

    /** A new incident was triggered. */
    void opened(Handle handle, Incident incident, Instant at);

    /** The incident's status changed (acknowledged, resolved, triggered again); {@code by} is the actor. */
    void changed(Handle handle, Incident before, Incident after, String by, Instant at);
}
