package dev.tocsin.ingest;

import dev.tocsin.config.IntegrationBinding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TokenBucket} per integration key, at the key's configured rate (default
 * {@link IntegrationBinding#DEFAULT_RATE_LIMIT_PER_SECOND}). A changed rate takes effect with a fresh bucket.
 */
public final class RateLimiter {
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** The binding's rate, or the default when it has none. */
    public static int rateOf(IntegrationBinding binding) {
        return binding.rateLimitPerSecond() > 0 ? binding.rateLimitPerSecond()
                : IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND;
    }

    /** Empty if the events may pass; otherwise how long the sender should wait. */
    public Optional<Duration> tryAcquire(IntegrationBinding binding, int events, Instant now) {
        int rate = rateOf(binding);
        TokenBucket bucket = buckets.compute(binding.key(), (key, existing) ->
                existing != null && existing.ratePerSecond() == rate ? existing : new TokenBucket(rate, now));
        synchronized (bucket) {
            return bucket.tryTake(events, now) ? Optional.empty() : Optional.of(bucket.waitFor(events, now));
        }
    }
}
