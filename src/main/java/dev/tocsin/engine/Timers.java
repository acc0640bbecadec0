package dev.tocsin.engine;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Schedules and cancels durable timers inside the caller's write job, so a timer is created (or dropped) in
 * the same transaction as the state change that causes it. After the job commits, call
 * {@link TimerEngine#wake()} so a timer due sooner than the engine's current sleep fires on time.
 */
public final class Timers {
    /** Outcomes written to {@code timers.outcome} when a timer stops being pending. */
    static final String FIRED = "fired";
    static final String CANCELLED = "cancelled";
    static final String FAILED = "failed";

    private Timers() {
    }

    /**
     * Schedules {@code kind} with {@code payload} (JSON text) at {@code dueAt}. While a timer with the same
     * {@code key} is pending this does nothing and returns false: scheduling is idempotent per key.
     */
    public static boolean schedule(Handle handle, String kind, String key, String payload, Instant dueAt, Instant now) {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a timer needs a kind");
        if (key == null || key.isBlank()) throw new IllegalArgumentException("a timer needs a key");
        return handle.createUpdate("""
                        INSERT INTO timers (kind, dedup_key, scope, payload, due_at, attempts, created_at)
                        VALUES (:kind, :key, :scope, :payload, :due, 0, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("kind", kind)
                .bind("key", key)
                .bind("scope", scope(key))
                .bind("payload", payload == null ? "{}" : payload)
                .bind("due", dueAt.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    /**
     * Like {@link #schedule}, for a key whose pending timer may be completing on another connection right now (a
     * queue drain that stops when it finds nothing more to do): the pending timer is locked by moving its due time
     * no later than {@code dueAt} instead of being skipped, so the racing completion either waits for this write
     * and then sees it, or has finished first and this schedules a new timer. Returns true if it created one.
     */
    public static boolean ensure(Handle handle, String kind, String key, String payload, Instant dueAt, Instant now) {
        int kept = handle.createUpdate("""
                        UPDATE timers SET due_at = CASE WHEN due_at > :due THEN :due ELSE due_at END
                        WHERE dedup_key = :key AND done_at IS NULL""")
                .bind("key", key)
                .bind("due", dueAt.toEpochMilli())
                .execute();
        return kept == 0 && schedule(handle, kind, key, payload, dueAt, now);
    }

    /** Cancels the pending timer with this key; returns whether there was one. */
    public static boolean cancel(Handle handle, String key, Instant now) {
        return handle.createUpdate("""
                        UPDATE timers SET done_at = :now, outcome = 'cancelled', claimed_by = NULL, claim_expires_at = NULL
                        WHERE dedup_key = :key AND done_at IS NULL""")
                .bind("key", key)
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    /**
     * Cancels every pending timer whose key starts with {@code prefix} (e.g. {@code "incident:42:"} when
     * incident 42 is acknowledged); returns how many. A timer already claimed and being fired by a node is
     * cancelled too: its completion finds it no longer pending and does not fire it.
     */
    public static int cancelPrefix(Handle handle, String prefix, Instant now) {
        if (prefix == null || prefix.isEmpty()) throw new IllegalArgumentException("an empty prefix would cancel every timer");
        // substr, not LIKE: SQLite's LIKE ignores case and both need escaping of % and _.
        String scope = scope(prefix);
        if (scope != null) {
            // Only the timers of the prefix's scope (one incident's) are looked at, through their index.
            return handle.createUpdate("""
                            UPDATE timers SET done_at = :now, outcome = 'cancelled', claimed_by = NULL, claim_expires_at = NULL
                            WHERE done_at IS NULL AND scope = :scope AND substr(dedup_key, 1, :length) = :prefix""")
                    .bind("scope", scope)
                    .bind("prefix", prefix)
                    .bind("length", prefix.length())
                    .bind("now", now.toEpochMilli())
                    .execute();
        }
        return handle.createUpdate("""
                        UPDATE timers SET done_at = :now, outcome = 'cancelled', claimed_by = NULL, claim_expires_at = NULL
                        WHERE done_at IS NULL AND substr(dedup_key, 1, :length) = :prefix""")
                .bind("prefix", prefix)
                .bind("length", prefix.length())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /**
     * The first two segments of a key, {@code "notify/42/"} of {@code "notify/42/alice/3"}: every key that starts
     * with a prefix holding two {@code '/'} has the prefix's scope. Null for a key with fewer.
     */
    static String scope(String key) {
        int first = key.indexOf('/');
        int second = first < 0 ? -1 : key.indexOf('/', first + 1);
        return second < 0 ? null : key.substring(0, second + 1);
    }

    /** The pending timer with this key, if any. */
    public static Optional<Timer> pending(Handle handle, String key) {
        return handle.createQuery("SELECT " + TimerStore.COLUMNS + " FROM timers WHERE dedup_key = :key AND done_at IS NULL")
                .bind("key", key)
                .map(TimerStore::timer)
                .findOne();
    }

    /** How many timers are pending (for metrics and tests). */
    public static long pendingCount(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM timers WHERE done_at IS NULL").mapTo(Long.class).one();
    }
}
