package dev.tocsin.override;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

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
    private final dev.tocsin.time.Periodic periodic;

    public RequestExpiry(CoverRequests covers, SwapRequests swaps) {
        this.covers = covers;
        this.swaps = swaps;
        this.periodic = new dev.tocsin.time.Periodic("tocsin-request-expiry", DEFAULT_INTERVAL, DEFAULT_INTERVAL, this::runOnce);
    }

    public void start() {
        periodic.start();
    }

    public void runOnce() {
        covers.expireDue();
        swaps.expireDue();
    }

    @Override
    public void close() {
        periodic.close();
    }
}
