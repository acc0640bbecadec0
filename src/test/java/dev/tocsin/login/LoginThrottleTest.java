package dev.tocsin.login;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private static final Instant T0 = Instant.parse("2026-12-04T03:00:00Z");

    @Test
    void fiveFailuresForOneEmailRefuseItUntilTheFirstIsFifteenMinutesOld() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.refusal(T0.plusSeconds(i * 60L), "Ann@Example.com", "10.0.0.1")).isEmpty();
            throttle.failed(T0.plusSeconds(i * 60L), "Ann@Example.com", "10.0.0.1");
        }
        assertThat(throttle.refusal(T0.plusSeconds(300), "ann@example.com", "10.0.0.2")).contains(Duration.ofMinutes(10));
        assertThat(throttle.refusal(T0.plusSeconds(300), "bob@example.com", "10.0.0.1")).as("the address is not blocked yet").isEmpty();
        assertThat(throttle.refusal(T0.plus(Duration.ofMinutes(15)), "ann@example.com", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressMayFailFiftyTimesBeforeItIsRefusedBecauseProxiesShareOne() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 49; i++) throttle.failed(T0, "user" + i + "@example.com", "proxy");
        assertThat(throttle.refusal(T0, "new@example.com", "proxy")).isEmpty();
        throttle.failed(T0, "user49@example.com", "proxy");
        assertThat(throttle.refusal(T0, "new@example.com", "proxy")).contains(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessForgetsTheEmailsFailures() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 4; i++) throttle.failed(T0, "ann@example.com", "a");
        throttle.succeeded("ANN@example.com");
        throttle.failed(T0, "ann@example.com", "a");
        assertThat(throttle.refusal(T0, "ann@example.com", "b")).isEmpty();
    }
}
