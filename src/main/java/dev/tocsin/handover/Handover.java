package dev.tocsin.handover;

import java.time.Instant;
import java.util.Locale;

/**
 * One person asking another to take over an incident ("you can hand it over to the next on-call if they agree"):
 * asked, then accepted (the assignment moves), declined or expired (it stays where it was).
 */
public record Handover(long id, long incidentId, String fromUser, String toUser, String note, Status status,
                       Instant askedAt, Instant expiresAt, Instant answeredAt) {
    /** Where a handover stands. */
    public enum Status {
        ASKED, ACCEPTED, DECLINED, EXPIRED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public boolean pending() {
        return status == Status.ASKED;
    }
}
