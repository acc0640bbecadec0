package dev.tocsin.delivery;

import dev.tocsin.secret.ActionTokens;
import java.time.Instant;
import java.util.Locale;

/**
 * One message to one person through one contact method, persisted before it is sent. Its {@link Status}
 * tells the delivery story: {@code pending → sending → sent → delivered | failed}, or {@code cancelled}
 * when it was no longer needed (acknowledged first) or was bundled into another message.
 *
 * @param incidentId null for a test page or a verification code
 * @param purpose    why it exists: {@code rule 2, send 1}, {@code fallback after sms alice-sms failed}, {@code test}
 * @param bundledInto the notification whose message carried this one, or null
 */
public record Notification(long id, Long incidentId, String userId, String contactMethodId, String methodType,
                           String purpose, Status status, int attempts, Instant dueAt, String provider,
                           String providerId, Long bundledInto, String error, String subject, String body,
                           Instant createdAt, Instant updatedAt,
                           Instant sentAt) {
    /** Purpose of a verification code: its text is never shown through the API. */
    public static final String VERIFICATION = "verification code";

    /**
     * As the API shows it, since observers can read notifications: a verification code's text is withheld, and so
     * is every action link (acknowledge, resolve, escalate) a page carried — they work only for their recipient.
     */
    public Notification shown() {
        String shownBody = VERIFICATION.equals(purpose) ? (body == null ? null : "(verification code withheld)")
                : ActionTokens.redact(body);
        return new Notification(id, incidentId, userId, contactMethodId, methodType, purpose, status, attempts, dueAt,
                provider, providerId, bundledInto, error, ActionTokens.redact(subject), shownBody, createdAt, updatedAt, sentAt);
    }

    /** Where a notification is in its delivery. */
    public enum Status {
        PENDING, SENDING, SENT, DELIVERED, FAILED, CANCELLED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        /** Sent or beyond: the provider took it. */
        boolean accepted() {
            return this == SENT || this == DELIVERED;
        }
    }
}
