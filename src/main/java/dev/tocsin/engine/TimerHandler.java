package dev.tocsin.engine;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * What a timer of one {@link #kind()} does when it comes due.
 *
 * <p>{@link #fire} runs inside the transaction that marks the timer done, so a handler that only writes the
 * database takes effect exactly once: either its writes and the completion commit together, or neither does
 * and the timer fires again. It must be pure database work (it runs on the database writer).
 *
 * <p>A handler that talks to the outside world (a provider) does that in {@link #perform}, which runs before
 * the completing transaction, outside the writer, while this node holds the timer's lease. If the node dies
 * between {@code perform} and the commit, another node performs it again: delivery is at least once, so
 * {@code perform} passes {@link Timer#key()} (plus the attempt, if the provider wants one per try) as the
 * provider's idempotency key, or checks its own record of what was sent.
 */
public interface TimerHandler {
    String kind();

    /** Optional outside work (at least once); throwing makes the timer retry later with backoff. */
    default void perform(Timer timer, Instant now) throws Exception {
    }

    /** The database effects of the timer (exactly once, committed with the timer's completion). */
    void fire(Handle handle, Timer timer, Instant now);
}
