package dev.tocsin.schedule;

import java.time.Instant;

/**
 * A shift on fixed dates rather than from a rotation: {@code userId} is on call from {@code start} to
 * {@code end} (exclusive). A layer of these is how an imported calendar (Grafana OnCall, a shared Google
 * calendar) takes part in a schedule.
 */
public record FixedShift(String userId, Instant start, Instant end) {
}
