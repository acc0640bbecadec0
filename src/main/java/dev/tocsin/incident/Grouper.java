package dev.tocsin.incident;

import dev.tocsin.store.Dialect;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds the open incident a grouped alert joins: same service, same grouping key, opened within the window. One
 * indexed read ({@code incidents_group}, V25), only for triggers that have a grouping key.
 *
 * <p>Two alerts of one group must not both miss each other and open two incidents. On one node intake orders a
 * single grouped trigger by its group (one writer lane per group). Batches (Alertmanager, Grafana) are ordered by
 * their integration, and several nodes share no lanes, so on PostgreSQL the lookup first takes a transaction-scoped
 * advisory lock on the group: a second transaction for the group waits until the first commits, then sees its
 * incident. SQLite has a single writer, so it needs no lock.
 */
final class Grouper {
    private Grouper() {
    }

    static Optional<Incident> openIncident(Handle handle, IncidentStore store, String serviceId, AlertTriage triage, Instant at) {
        String key = triage.groupKey().value();
        if (Dialect.of(handle) == Dialect.POSTGRESQL) {
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lock)) AS locked").bind("lock", lockOf(serviceId, key))
                    .mapTo(Integer.class).one();
        }
        Instant since = at.minus(triage.groupWindow());
        return AlertTriageStore.findGroupIncident(handle, serviceId, key, since).flatMap(id -> store.findIncident(handle, id));
    }

    /** A 64-bit lock id for the group; a collision only makes two groups wait for each other, never join. */
    static long lockOf(String serviceId, String key) {
        long hash = 1125899906842597L;
        String text = "tocsin-group\n" + serviceId + "\n" + key;
        for (int i = 0; i < text.length(); i++) hash = 31 * hash + text.charAt(i);
        return hash;
    }
}
