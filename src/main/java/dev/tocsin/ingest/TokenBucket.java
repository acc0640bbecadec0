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
    private final int ratePerSecond;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(int ratePerSecond, Instant now) {
        if (ratePerSecond <= 0) throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        this.ratePerSecond = ratePerSecond;
        this.tokens = ratePerSecond;
        this.refilledAt = now;
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /** Takes {@code permits} tokens if they are there (or the bucket is full); false leaves the bucket as it was. */
    public boolean tryTake(int permits, Instant now) {
        refill(now);
        if (tokens >= Math.min(permits, ratePerSecond)) {
            tokens -= permits;
            return true;
        }
        return false;
    }

    /** How long until {@code permits} would be taken, at least one second (the unit of Retry-After). */
    public Duration waitFor(int permits, Instant now) {
        refill(now);
        double missing = Math.min(permits, ratePerSecond) - tokens;
        long seconds = (long) Math.ceil(Math.max(missing, 0) / ratePerSecond);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(ratePerSecond, tokens + elapsedSeconds * ratePerSecond);
            refilledAt = now;
        }
    }
}
