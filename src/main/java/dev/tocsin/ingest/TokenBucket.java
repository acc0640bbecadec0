package dev.tocsin.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket holding at most one second's worth of events, refilled continuously at {@code ratePerSecond}.
 * Pure: the caller passes the time. Not thread-safe; {@link RateLimiter} guards each bucket.
 *
 * <p>A batch larger than the whole bucket (an Alertmanager group of 500 alerts at 100/s) would never fit, and
 * Alertmanager would retry it forever. So a batch is let through whenever the bucket is full, and the bucket
 * goes into debt for the excess: the average rate still holds.
 */
public final class TokenBucket {
    /** Tokens are counted in billionths so that refilling by elapsed nanoseconds is exact integer arithmetic. */
    private static final long UNITS_PER_TOKEN = 1_000_000_000L;

    private final int ratePerSecond;
    private final long capacityUnits;
    private long units;
    private Instant refilledAt;

    public TokenBucket(int ratePerSecond, Instant now) {
        if (ratePerSecond <= 0) throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        this.ratePerSecond = ratePerSecond;
        this.capacityUnits = ratePerSecond * UNITS_PER_TOKEN;
        this.units = capacityUnits;
        this.refilledAt = now;
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /** Takes {@code permits} tokens if they are there (or the bucket is full); false leaves the bucket as it was. */
    public boolean tryTake(int permits, Instant now) {
        refill(now);
        if (units >= Math.min(permits, ratePerSecond) * UNITS_PER_TOKEN) {
            units -= permits * UNITS_PER_TOKEN;
            return true;
        }
        return false;
    }

    /** How long until {@code permits} would be taken, at least one second (the unit of Retry-After). */
    public Duration waitFor(int permits, Instant now) {
        refill(now);
        long missingUnits = Math.max(0, Math.min(permits, ratePerSecond) * UNITS_PER_TOKEN - units);
        // Refill adds ratePerSecond tokens per second, i.e. ratePerSecond units per nanosecond.
        long nanos = (missingUnits + ratePerSecond - 1) / ratePerSecond;
        long seconds = (nanos + UNITS_PER_TOKEN - 1) / UNITS_PER_TOKEN;
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            long elapsedNanos = Duration.between(refilledAt, now).toNanos();
            long deficit = capacityUnits - units;
            // Refill adds ratePerSecond units per nanosecond; comparing first keeps the product from overflowing.
            units = elapsedNanos >= deficit / ratePerSecond + 1 ? capacityUnits : units + elapsedNanos * ratePerSecond;
            units = Math.min(units, capacityUnits);
            refilledAt = now;
        }
    }
}
