package dev.tocsin.notice;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** SQL for the outbox of notices. Every method works inside the caller's handle (and so its transaction). */
public final class NoticeOutbox {
    /**
     * Adds a notice; returns false (and writes nothing) when a notice with the same dedup key exists already.
     * Call it in the transaction that makes the change the notice tells about.
     */
    public boolean enqueue(Handle handle, Notice notice) {
        if (notice.dedupKey() != null) {
            boolean exists = handle.createQuery("SELECT COUNT(*) FROM notices WHERE dedup_key = :key")
                    .bind("key", notice.dedupKey()).mapTo(Long.class).one() > 0;
            if (exists) return false;
        }
        handle.createUpdate("""
                        INSERT INTO notices (user_id, kind, dedup_key, subject, body, created_at, due_at, attempts)
                        VALUES (:user, :kind, :dedup, :subject, :body, :created, :due, 0)""")
                .bind("user", notice.userId()).bind("kind", notice.kind()).bind("dedup", notice.dedupKey())
                .bind("subject", notice.subject()).bind("body", notice.body())
                .bind("created", notice.createdAt().toEpochMilli()).bind("due", notice.dueAt().toEpochMilli())
                .execute();
        return true;
    }

    /** Unsent notices due at {@code now}, oldest first. */
    public List<Notice> due(Handle handle, Instant now, int limit) {
        return handle.createQuery("""
                        SELECT * FROM notices WHERE sent_at IS NULL AND due_at <= :now ORDER BY due_at, id LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Notice(rs.getLong("id"), rs.getString("user_id"), rs.getString("kind"),
                        rs.getString("dedup_key"), rs.getString("subject"), rs.getString("body"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("due_at")),
                        null, rs.getInt("attempts"), rs.getString("last_error")))
                .list();
    }

    /** Everything written for one user, newest first (what a person was told, for the API and tests). */
    public List<Notice> forUser(Handle handle, String userId, int limit) {
        return handle.createQuery("SELECT * FROM notices WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit)
                .map((rs, ctx) -> {
                    long sent = rs.getLong("sent_at");
                    Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                    return new Notice(rs.getLong("id"), rs.getString("user_id"), rs.getString("kind"),
                            rs.getString("dedup_key"), rs.getString("subject"), rs.getString("body"),
                            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("due_at")),
                            sentAt, rs.getInt("attempts"), rs.getString("last_error"));
                })
                .list();
    }

    public void markSent(Handle handle, long id, String channel, Instant at) {
        handle.createUpdate("UPDATE notices SET sent_at = :at, channel = :channel, attempts = attempts + 1 WHERE id = :id")
                .bind("id", id).bind("channel", channel).bind("at", at.toEpochMilli()).execute();
    }

    /** Records a failed attempt and when to try again. */
    public void markFailed(Handle handle, long id, String error, Instant retryAt) {
        handle.createUpdate("""
                        UPDATE notices SET attempts = attempts + 1, last_error = :error, due_at = :retry WHERE id = :id""")
                .bind("id", id).bind("error", error).bind("retry", retryAt.toEpochMilli()).execute();
    }
}
