package dev.tocsin.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try failed work again, the one backoff of all background work: the wait doubles with each failed
 * attempt from {@code first} up to {@code max}, and a random part of up to {@code jitter} (a fraction) is taken
 * off it, so that work that failed together (a provider outage) does not all come back in the same second.
 * After {@code maxAttempts} attempts the work is given up (and stays visible with its error).
 *
 * <p>Its users: the timer engine's own retries of a failing timer ({@link TimerEngine#RETRY}, no jitter), notices
 * ({@code NoticeSender.BACKOFF}: 1, 2, 4 … minutes up to an hour, up to half off) and paging deliveries
 * ({@code DeliverTimer.RETRY}).
 *
 * @param jitter from 0 (always the full doubled wait) to below 1; e.g. 0.5: between half and all of it
 */
public record Backoff(Duration first, Duration max, int maxAttempts, double jitter) {
    public Backoff {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("the first wait must be positive");
        if (max.compareTo(first) < 0) throw new IllegalArgumentException("the longest wait is shorter than the first");
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt");
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
    }

    /** True when work that has now failed {@code attempts} times should not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failure (1 = the first) before the random part is taken off. */
    public Duration longest(int attempts) {
        long millis = first.toMillis();
        long cap = max.toMillis();
        for (int i = 1; i < attempts && millis < cap; i++) millis *= 2;
        return Duration.ofMillis(Math.min(millis, cap));
    }

    /** The wait after the {@code attempts}-th failure: between {@code 1 - jitter} and all of {@link #longest}. */
    public Duration delay(int attempts, RandomGenerator random) {
        long millis = longest(attempts).toMillis();
        long cut = (long) (millis * jitter);
        return Duration.ofMillis(millis - (cut == 0 ? 0 : random.nextLong(cut + 1)));
    }

    public Instant retryAt(int attempts, Instant now, RandomGenerator random) {
        return now.plus(delay(attempts, random));
    }
}
