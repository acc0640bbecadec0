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
 * <p>A handler that talks to the outside world (a provider) implements {@link WithOutsideWork}: its
 * {@link WithOutsideWork#perform} runs before the completing transaction, outside the writer, while this node
 * holds a lease on the timer. If the node dies between {@code perform} and the commit, another node performs
 * it again once the lease expires: delivery is at least once, so {@code perform} passes {@link Timer#key()}
 * (plus {@link Timer#attempts()} if the provider wants one per try) as the provider's idempotency key, or
 * checks its own record of what was sent.
 */
public interface TimerHandler {
    String kind();

    /** The database effects of the timer (exactly once, committed with the timer's completion). */
    void fire(Handle handle, Timer timer, Instant now);

    /** A handler with outside work before its database effects: claimed with a lease, performed at least once. */
    interface WithOutsideWork extends TimerHandler {
        /**
         * The outside work (a provider call); throwing makes the timer retry later with backoff. What it returns
         * (its outcome, e.g. the provider's answer) is handed to {@link #complete}.
         */
        Object perform(Timer timer, Instant now) throws Exception;

        /**
         * Timers of one batch with the same lane are performed one after the other, in due order; different lanes
         * are performed in parallel (a paging provider call for one person does not wait for another person's).
         * By default every timer is its own lane.
         */
        default Object lane(Timer timer) {
            return timer.id();
        }

        /** The database effects, knowing the outcome of {@link #perform}; by default {@link #fire}. */
        default void complete(Handle handle, Timer timer, Instant now, Object outcome) {
            fire(handle, timer, now);
        }

        /**
         * The timer was cancelled (or lost to another node) while {@link #perform} ran: the outside work happened
         * anyway. Record what is true about it (a message that was sent), but start nothing new. By default nothing.
         */
        default void completeCancelled(Handle handle, Timer timer, Instant now, Object outcome) {
        }
    }
}
