package dev.tocsin.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one backoff of background work: doubling, capped, with a random part taken off. */
class BackoffTest {
    @Test
    void withoutJitterTheWaitDoublesExactlyUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 10, 0);
        Random random = new Random(3);
        assertThat(backoff.delay(1, random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(4, random)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(1_000, random)).as("no overflow long after the cap").isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.exhausted(9)).isFalse();
        assertThat(backoff.exhausted(10)).isTrue();
    }

    @Test
    void jitterTakesUpToItsShareOffTheWait() {
        // Paging deliveries: 10 s doubling, ±25% (7.5 to 12.5 s, then 15 to 25 s).
        Backoff backoff = new Backoff(Duration.ofMillis(12_500), Duration.ofHours(1), 3, 0.4);
        Random random = new Random(5);
        Duration shortest = Duration.ofDays(1);
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 500; i++) {
            Duration first = backoff.delay(1, random);
            assertThat(first).isBetween(Duration.ofMillis(7_500), Duration.ofMillis(12_500));
            assertThat(backoff.delay(2, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(25));
            if (first.compareTo(shortest) < 0) shortest = first;
            if (first.compareTo(longest) > 0) longest = first;
        }
        assertThat(shortest).as("the random part is used").isLessThan(Duration.ofSeconds(8));
        assertThat(longest).isGreaterThan(Duration.ofSeconds(12));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
