package dev.tocsin.override;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@link #DEFAULT_INTERVAL}, closes cover and swap requests whose time has come and tells their
 * requesters. Reads and answers expire requests too, so this only makes the "nobody answered" notice arrive
 * on time rather than at the next read. Tests call {@link #runOnce()} with a controlled clock.
 */
public final class RequestExpiry implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RequestExpiry.class);

    private final CoverRequests covers;
    private final SwapRequests swaps;
    private ScheduledExecutorService timer;

    public RequestExpiry(CoverRequests covers, SwapRequests swaps) {
        this.covers = covers;
        this.swaps = swaps;
    }

    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tocsin-request-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long millis = DEFAULT_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void runOnce() {
        covers.expireDue();
        swaps.expireDue();
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A database hiccup must not stop the timer; the next run (or any read) catches up.
            LOG.warn("expiring cover and swap requests failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }
}
