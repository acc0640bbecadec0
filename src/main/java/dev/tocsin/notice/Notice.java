package dev.tocsin.notice;

import java.time.Instant;

/**
 * A message to one person that Tocsin owes: "your on-call time changed", "you are on call from …",
 * "schedule S has a gap". Stored in the outbox first, delivered by a sender through the person's chosen
 * contact method.
 *
 * @param id       assigned by the store; 0 before it is stored
 * @param kind     a stable machine name, e.g. {@code override_added}, {@code shift_starts}, {@code gap}
 * @param dedupKey if not null, a notice with the same key is only ever written once
 * @param dueAt    not to be sent before this instant (after a failed attempt: when to try again)
 * @param channel  how it was delivered ({@code email}, {@code console}), or null while unsent
 * @param failedAt when delivery was given up, or null
 */
public record Notice(long id, String userId, String kind, String dedupKey, String subject, String body,
                     Instant createdAt, Instant dueAt, Instant sentAt, int attempts, String lastError,
                     String channel, Instant failedAt) {
    /** The shape before delivery existed, kept so callers that build notices by hand keep compiling. */
    public Notice(long id, String userId, String kind, String dedupKey, String subject, String body,
                  Instant createdAt, Instant dueAt, Instant sentAt, int attempts, String lastError) {
        this(id, userId, kind, dedupKey, subject, body, createdAt, dueAt, sentAt, attempts, lastError, null, null);
    }

    /** Where a notice is in its life: waiting (possibly after failed attempts), delivered, or given up. */
    public enum Status { PENDING, SENT, FAILED }

    public Status status() {
        if (sentAt != null) return Status.SENT;
        return failedAt != null ? Status.FAILED : Status.PENDING;
    }

    public static Notice of(String userId, String kind, String dedupKey, String subject, String body,
                            Instant createdAt, Instant dueAt) {
        return new Notice(0, userId, kind, dedupKey, subject, body, createdAt, dueAt, null, 0, null);
    }
}
