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
 * @param dueAt    not to be sent before this instant
 */
public record Notice(long id, String userId, String kind, String dedupKey, String subject, String body,
                     Instant createdAt, Instant dueAt, Instant sentAt, int attempts, String lastError) {
    public static Notice of(String userId, String kind, String dedupKey, String subject, String body,
                            Instant createdAt, Instant dueAt) {
        return new Notice(0, userId, kind, dedupKey, subject, body, createdAt, dueAt, null, 0, null);
    }
}
