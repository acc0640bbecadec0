package dev.tocsin.override;

import dev.tocsin.engine.Recurring;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;

/**
 * Every {@link #DEFAULT_INTERVAL}, closes cover and swap requests whose time has come and tells their
 * requesters. It runs as a {@link Recurring} timer ({@link #KIND}): one run a minute across all nodes, its
 * expiries and notices written in the run's completing transaction. Reads and answers expire requests too, so
 * this only makes the "nobody answered" notice arrive on time rather than at the next read. Tests call
 * {@link #runOnce()} with a controlled clock.
 */
public final class RequestExpiry implements Recurring.Job {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** The timer kind of the job's runs; its one pending timer is {@code request-expiry:tick}. */
    public static final String KIND = "request-expiry";

    private final CoverRequests covers;
    private final SwapRequests swaps;

    public RequestExpiry(CoverRequests covers, SwapRequests swaps) {
        this.covers = covers;
        this.swaps = swaps;
    }

    /** The timer handler that runs this job every {@link #DEFAULT_INTERVAL}, once across all nodes. */
    public Recurring recurring() {
        return new Recurring(KIND, DEFAULT_INTERVAL, this);
    }

    /** Nothing to read ahead: the due requests are found in the completing transaction. */
    @Override
    public Object prepare(Instant now) {
        return null;
    }

    @Override
    public void write(Handle handle, Object prepared, Instant now) {
        covers.expireDue(handle, now);
        swaps.expireDue(handle, now);
    }

    /** One run now, on the caller's thread, outside the timer engine. */
    public void runOnce() {
        covers.expireDue();
        swaps.expireDue();
    }
}
