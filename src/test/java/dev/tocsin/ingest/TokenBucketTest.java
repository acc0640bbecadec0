package dev.tocsin.ingest;

import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final Instant START = Instant.parse("2026-11-24T22:00:00Z");

    @Test
    void letsOneSecondsWorthThroughAtOnceThenRefillsWithTime() {
        TokenBucket bucket = new TokenBucket(100, START);

        for (int i = 0; i < 100; i++) assertThat(bucket.tryTake(1, START)).isTrue();
        assertThat(bucket.tryTake(1, START)).isFalse();
        assertThat(bucket.tryTake(1, START.plusMillis(9))).isFalse();
        assertThat(bucket.tryTake(1, START.plusMillis(10))).isTrue();
        assertThat(bucket.tryTake(50, START.plusMillis(500))).isFalse();
        assertThat(bucket.tryTake(50, START.plusMillis(510))).isTrue();
    }

    @Test
    void neverHoldsMoreThanOneSecondsWorth() {
        TokenBucket bucket = new TokenBucket(10, START);

        Instant muchLater = START.plus(Duration.ofHours(1));
        assertThat(bucket.tryTake(10, muchLater)).isTrue();
        assertThat(bucket.tryTake(1, muchLater)).isFalse();
    }

    @Test
    void letsABatchLargerThanTheBucketThroughWhenFullAndThenRepaysTheDebt() {
        TokenBucket bucket = new TokenBucket(100, START);

        assertThat(bucket.tryTake(300, START)).isTrue();
        // 200 in debt: one token needs 2.01 seconds of refill.
        assertThat(bucket.tryTake(1, START.plusSeconds(2))).isFalse();
        assertThat(bucket.waitFor(1, START.plusSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(1, START.plusMillis(2010))).isTrue();
        assertThat(bucket.tryTake(300, START.plusMillis(2010))).isFalse();
        assertThat(bucket.waitFor(300, START.plusMillis(2010))).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(300, START.plusMillis(3020))).isTrue();
    }

    @Test
    void limitsEachIntegrationKeyOnItsOwnAtItsConfiguredRate() {
        RateLimiter limiter = new RateLimiter();
        IntegrationBinding slow = new IntegrationBinding("svc", "events-v2", "slow", Severity.ERROR, 2, null);
        IntegrationBinding other = new IntegrationBinding("svc", "events-v2", "other", Severity.ERROR, 2, null);

        assertThat(limiter.tryAcquire(slow, 2, START)).isEmpty();
        assertThat(limiter.tryAcquire(slow, 1, START)).contains(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(other, 2, START)).isEmpty();
        assertThat(limiter.tryAcquire(slow, 1, START.plusMillis(500))).isEmpty();
    }

    @Test
    void usesTheDefaultRateWhenTheBindingHasNone() {
        RateLimiter limiter = new RateLimiter();
        IntegrationBinding unset = new IntegrationBinding("svc", "events-v2", "k", Severity.ERROR, 0, null);

        assertThat(limiter.tryAcquire(unset, IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND, START)).isEmpty();
        assertThat(limiter.tryAcquire(unset, 1, START)).isPresent();
    }
}
