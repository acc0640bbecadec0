package dev.tocsin.schedule;

import java.time.Instant;

/**
 * A temporary change to who is on call: {@code userId} is on call from {@code start} to {@code end} (exclusive),
 * replacing everyone in the schedule ({@code replacing == null}) or only the user {@code replacing}.
 */
public record Override(String id, String scheduleId, String userId, String replacing, Instant start, Instant end,
                       String createdBy, Instant createdAt) {
    public boolean replacesEveryone() {
        return replacing == null;
    }

    /** Whether the override applies at the instant (start inclusive, end exclusive). */
    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
