package dev.tocsin.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the wait doubles with each attempt up to {@code max}, and half of it is
 * random so that notices that failed together (a mail server outage) do not all retry in the same second.
 * After {@code maxAttempts} attempts the notice is given up and stays visible as failed.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {
    public static final Duration DEFAULT_FIRST = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MAX = Duration.ofHours(1);
    /** 1 + 2 + 4 + … minutes, capped at an hour: about four hours of trying in all. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Backoff DEFAULT = new Backoff(DEFAULT_FIRST, DEFAULT_MAX, DEFAULT_MAX_ATTEMPTS);

    /** True when a notice that has now failed {@code attempts} times should not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failure (1 = the first): between half and all of the doubled delay. */
    public Duration delay(int attempts, RandomGenerator random) {
        long millis = first.toMillis();
        for (int i = 1; i < attempts && millis < max.toMillis(); i++) millis *= 2;
        millis = Math.min(millis, max.toMillis());
        long half = millis / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    public Instant retryAt(int attempts, Instant now, RandomGenerator random) {
        return now.plus(delay(attempts, random));
    }
}
