package dev.tocsin.incident;

import java.time.Instant;
import java.util.Locale;

/**
 * Why an open incident is not being paged for now, and until when: a low-urgency incident outside its service's
 * support hours, an incident opened during a maintenance window, or one a responder snoozed. An incident has at
 * most one hold; it goes when the incident is released, acknowledged or resolved.
 *
 * @param until    when it is released (a maintenance window's end as it stood when the incident was held)
 * @param windowId the maintenance window, for {@link Reason#MAINTENANCE}; else null
 * @param heldBy   who snoozed it ({@code user:alice}); null for holds Tocsin decides
 */
public record Hold(long incidentId, Reason reason, Instant until, Long windowId, Instant heldAt, String heldBy) {
    public enum Reason {
        SUPPORT_HOURS, MAINTENANCE, SNOOZE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Reason parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
