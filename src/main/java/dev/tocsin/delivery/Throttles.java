package dev.tocsin.delivery;

import java.time.Duration;

/**
 * How often one contact method may be sent to: at most one SMS a minute and one call every two minutes per
 * person. What comes in meanwhile waits and goes out as one message covering every incident (bundling),
 * so five alerts in a minute buzz a phone once, not five times.
 */
final class Throttles {
    static final Duration SMS = Duration.ofMinutes(1);
    static final Duration VOICE = Duration.ofMinutes(2);

    private Throttles() {
    }

    static Duration of(String methodType) {
        return switch (methodType) {
            case "sms" -> SMS;
            case "voice" -> VOICE;
            default -> Duration.ZERO;
        };
    }
}
