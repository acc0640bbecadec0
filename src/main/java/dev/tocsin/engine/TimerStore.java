package dev.tocsin.engine;

import dev.tocsin.store.Dialect;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of claims and leases. Every method runs inside a write job. On PostgreSQL several nodes claim from
 * one table: {@code FOR UPDATE SKIP LOCKED} hands each due row to exactly one of them, and a claim is a lease
 * ({@code claimed_by}, {@code claim_expires_at}) that another node may take over once it has expired.
 */
final class TimerStore {
    static final String COLUMNS = "id, kind, dedup_key, payload, due_at, attempts";

    private final Dialect dialect;
    private final List<String> kinds;

    /** @param kinds the kinds this node has handlers for: it never takes a timer it cannot fire */
    TimerStore(Dialect dialect, java.util.Set<String> kinds) {
        this.dialect = dialect;
        this.kinds = List.copyOf(new java.util.TreeSet<>(kinds));
    }

    static Timer timer(ResultSet row, org.jdbi.v3.core.statement.StatementContext context) throws SQLException {
        return new Timer(row.getLong("id"), row.getString("kind"), row.getString("dedup_key"), row.getString("payload"),
                Instant.ofEpochMilli(row.getLong("due_at")), row.getInt("attempts"));
    }

    /**
     * Locks up to {@code limit} timers due at {@code now} (on PostgreSQL, rows other nodes have locked are
     * skipped): first those whose claim has expired (a node died), then unclaimed ones, earliest first.
     * The returned timers carry the attempt about to be made.
     */
    List<Timer> due(Handle handle, Instant now, int limit) {
        if (kinds.isEmpty()) return List.of();
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        List<Timer> due = new ArrayList<>(handle.createQuery("SELECT " + COLUMNS + " FROM timers"
                        + " WHERE done_at IS NULL AND claimed_by IS NOT NULL AND claim_expires_at <= :now"
                        + " AND kind IN (<kinds>) ORDER BY claim_expires_at LIMIT :limit" + lock)
                .bindList("kinds", kinds)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map(TimerStore::timer)
                .list());
        if (due.size() < limit) {
            due.addAll(handle.createQuery("SELECT " + COLUMNS + " FROM timers"
                            + " WHERE done_at IS NULL AND claimed_by IS NULL AND due_at <= :now"
                            + " AND kind IN (<kinds>) ORDER BY due_at LIMIT :limit" + lock)
                    .bindList("kinds", kinds)
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit - due.size())
                    .map(TimerStore::timer)
                    .list());
        }
        return due.stream()
                .map(t -> new Timer(t.id(), t.kind(), t.key(), t.payload(), t.dueAt(), t.attempts() + 1))
                .toList();
    }

    /** Claims timers returned by {@link #due} for {@code node} until {@code expires}. */
    void lease(Handle handle, List<Timer> timers, String node, Instant expires) {
        if (timers.isEmpty()) return;
        handle.createUpdate("UPDATE timers SET claimed_by = :node, claim_expires_at = :expires, attempts = attempts + 1"
                        + " WHERE id IN (<ids>)")
                .bind("node", node)
                .bind("expires", expires.toEpochMilli())
                .bindList("ids", ids(timers))
                .execute();
    }

    /** Claims up to {@code limit} due timers for {@code node} until {@code expires} ({@link #due} + {@link #lease}). */
    List<Timer> claim(Handle handle, String node, Instant now, Instant expires, int limit) {
        List<Timer> due = due(handle, now, limit);
        lease(handle, due, node, expires);
        return due;
    }

    /** Marks a timer locked by {@link #due} fired in this transaction (the one-transaction path, no lease). */
    void fired(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE timers SET done_at = :now, outcome = 'fired', claimed_by = NULL,"
                        + " claim_expires_at = NULL, attempts = attempts + 1 WHERE id = :id AND done_at IS NULL")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Counts a failed attempt of a timer locked by {@link #due}: retried at {@code retryAt}, or given up when null. */
    void failedUnleased(Handle handle, long id, Instant now, Instant retryAt, String error) {
        String outcome = retryAt == null ? "done_at = :now, outcome = 'failed'" : "due_at = :retry";
        var update = handle.createUpdate("UPDATE timers SET attempts = attempts + 1, claimed_by = NULL,"
                        + " claim_expires_at = NULL, last_error = :error, " + outcome + " WHERE id = :id AND done_at IS NULL")
                .bind("id", id)
                .bind("error", error);
        if (retryAt == null) update.bind("now", now.toEpochMilli());
        else update.bind("retry", retryAt.toEpochMilli());
        update.execute();
    }

    /**
     * Marks the timer fired if this node still holds it and it is still pending; only then may the handler's
     * writes join this transaction. False means it was cancelled, or the lease was lost to another node.
     */
    boolean complete(Handle handle, long id, String node, Instant now) {
        return handle.createUpdate("UPDATE timers SET done_at = :now, outcome = 'fired', claimed_by = NULL,"
                        + " claim_expires_at = NULL WHERE id = :id AND claimed_by = :node AND done_at IS NULL")
                .bind("id", id)
                .bind("node", node)
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    /** Releases a failed timer to be tried again at {@code retryAt}. */
    void retry(Handle handle, long id, String node, Instant retryAt, String error) {
        handle.createUpdate("UPDATE timers SET claimed_by = NULL, claim_expires_at = NULL, due_at = :retry,"
                        + " last_error = :error WHERE id = :id AND claimed_by = :node AND done_at IS NULL")
                .bind("id", id)
                .bind("node", node)
                .bind("retry", retryAt.toEpochMilli())
                .bind("error", error)
                .execute();
    }

    /** Gives up on a timer that failed too often: it stays in the table, done, with its last error. */
    void giveUp(Handle handle, long id, String node, Instant now, String error) {
        handle.createUpdate("UPDATE timers SET done_at = :now, outcome = 'failed', claimed_by = NULL,"
                        + " claim_expires_at = NULL, last_error = :error"
                        + " WHERE id = :id AND claimed_by = :node AND done_at IS NULL")
                .bind("id", id)
                .bind("node", node)
                .bind("now", now.toEpochMilli())
                .bind("error", error)
                .execute();
    }

    /** Extends this node's leases on the given timers (those it is still working on). */
    void renew(Handle handle, String node, Collection<Long> ids, Instant expires) {
        if (ids.isEmpty()) return;
        handle.createUpdate("UPDATE timers SET claim_expires_at = :expires"
                        + " WHERE claimed_by = :node AND done_at IS NULL AND id IN (<ids>)")
                .bind("node", node)
                .bind("expires", expires.toEpochMilli())
                .bindList("ids", List.copyOf(ids))
                .execute();
    }

    /** Hands back this node's claims (a clean shutdown), or every claim when {@code node} is null. */
    void release(Handle handle, String node) {
        var update = handle.createUpdate("UPDATE timers SET claimed_by = NULL, claim_expires_at = NULL"
                + " WHERE done_at IS NULL AND claimed_by IS NOT NULL" + (node == null ? "" : " AND claimed_by = :node"));
        if (node != null) update.bind("node", node);
        update.execute();
    }

    /**
     * When there may next be work: the earliest due unclaimed timer, or the earliest expiry of someone's claim.
     */
    Optional<Instant> nextWake(Handle handle) {
        // ORDER BY … LIMIT 1 rather than MIN(): without fresh statistics PostgreSQL plans MIN() as a scan of
        // the whole partial index (75 ms with 100,000 pending timers), the ordered form reads one entry.
        if (kinds.isEmpty()) return Optional.empty();
        Long due = handle.createQuery("SELECT due_at FROM timers WHERE done_at IS NULL AND claimed_by IS NULL"
                        + " AND kind IN (<kinds>) ORDER BY due_at LIMIT 1")
                .bindList("kinds", kinds)
                .mapTo(Long.class).findOne().orElse(null);
        Long expiry = handle.createQuery("SELECT claim_expires_at FROM timers WHERE done_at IS NULL"
                        + " AND claimed_by IS NOT NULL AND kind IN (<kinds>) ORDER BY claim_expires_at LIMIT 1")
                .bindList("kinds", kinds)
                .mapTo(Long.class).findOne().orElse(null);
        if (due == null && expiry == null) return Optional.empty();
        long next = due == null ? expiry : expiry == null ? due : Math.min(due, expiry);
        return Optional.of(Instant.ofEpochMilli(next));
    }

    private static List<Long> ids(List<Timer> timers) {
        return timers.stream().map(Timer::id).toList();
    }
}
