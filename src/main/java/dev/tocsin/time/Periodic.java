package dev.tocsin.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job run every {@code interval} on its own daemon thread, on every node: only for work each node
 * does for itself (the shared-state refresher keeps this node's memory in step). Work to be done once across
 * all nodes is a recurring timer of the engine instead ({@code engine.Recurring}). A failing run is logged and the
 * next one goes ahead: a database hiccup never stops it.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable job;
    private ScheduledExecutorService executor;

    /** @param name the thread's name and what the log calls the job */
    public Periodic(String name, Duration initialDelay, Duration interval, Runnable job) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.job = job;
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed; trying again in {}", name, Durations.format(interval), e);
        }
    }

    /** Stops the thread, waiting up to 5 s for a run in progress. */
    @Override
    public void close() {
        ScheduledExecutorService current;
        synchronized (this) {
            current = executor;
            executor = null;
        }
        if (current == null) return;
        current.shutdownNow();
        try {
            current.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
