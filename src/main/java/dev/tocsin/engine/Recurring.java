package dev.tocsin.engine;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * A job that runs every {@code interval}, once across all nodes: one timer with a fixed key ({@code <kind>:tick})
 * that, when it fires, does the job and schedules its own next run in the same transaction. The dedup key keeps
 * it to one pending timer however many nodes {@link #ensureScheduled} it, and the engine's claim hands each run
 * to exactly one node.
 *
 * <p>A run has two halves. {@link Job#prepare} reads and computes (the handoff job works out who is on call),
 * outside the database writer, while this node holds the timer's lease; {@link Job#write} then writes its
 * result in the completing transaction, together with the next run, so it happens exactly once. A node that dies
 * between the two halves wrote nothing; another node prepares again when the lease expires.
 *
 * <p>A run that fails is logged and the next one comes after the interval as usual (as a periodic job always
 * did): its work is recomputed from scratch every time, so there is nothing to retry. A failing
 * {@link Job#write} is rolled back to a savepoint so that the next run is still scheduled.
 */
public final class Recurring implements TimerHandler.WithOutsideWork {
    /** Ends the key of every recurring job's timer ({@code handoff:tick}); no other timer key ends so. */
    public static final String KEY_SUFFIX = ":tick";
    private static final Logger LOG = LoggerFactory.getLogger(Recurring.class);
    private static final String SAVEPOINT = "tocsin_recurring";

    /** The work of one run. */
    public interface Job {
        /** Reads and computes what to write, outside the writer; may be slow. Null when there is nothing to write. */
        Object prepare(Instant now) throws Exception;

        /** Writes what {@link #prepare} found, in the transaction that completes the run. */
        void write(Handle handle, Object prepared, Instant now);
    }

    /** What a failed {@link Job#prepare} left for {@link #complete}. */
    private record Failed(String error) {
    }

    private final String kind;
    private final Duration interval;
    private final Job job;

    /** @param kind the timer kind, also the job's name in logs, e.g. {@code handoff} */
    public Recurring(String kind, Duration interval, Job job) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the interval must be positive");
        this.kind = kind;
        this.interval = interval;
        this.job = job;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** The key of the job's one pending timer. */
    public String key() {
        return kind + KEY_SUFFIX;
    }

    public Duration interval() {
        return interval;
    }

    /**
     * Schedules the first run at {@code firstRun} unless a run is pending already (another node, or an earlier
     * start, scheduled it). Every node calls this when it starts; returns whether this call created the timer.
     */
    public boolean ensureScheduled(Handle handle, Instant firstRun, Instant now) {
        return Timers.schedule(handle, kind, key(), "{}", firstRun, now);
    }

    @Override
    public Object perform(Timer timer, Instant now) {
        try {
            return job.prepare(now);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.warn("{} failed; running again in {}", kind, interval, e);
            return new Failed(e.toString());
        }
    }

    @Override
    public void complete(Handle handle, Timer timer, Instant now, Object outcome) {
        if (!(outcome instanceof Failed)) {
            handle.savepoint(SAVEPOINT);
            try {
                job.write(handle, outcome, now);
                handle.releaseSavepoint(SAVEPOINT);
            } catch (RuntimeException e) {
                handle.rollbackToSavepoint(SAVEPOINT);
                LOG.warn("{} could not write its results; running again in {}", kind, interval, e);
            }
        }
        Timers.schedule(handle, kind, key(), "{}", now.plus(interval), now);
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        throw new IllegalStateException("a recurring job completes through complete(), after prepare()");
    }
}
