package dev.tocsin.notice;

import org.jdbi.v3.core.Handle;

import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** Unsent notices due at {@code now} that have not been given up, oldest first. */
    public List<Notice> due(Handle handle, Instant now, int limit) {
        return handle.createQuery("""
                        SELECT * FROM notices WHERE sent_at IS NULL AND failed_at IS NULL AND due_at <= :now
                        ORDER BY due_at, id LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map(NoticeOutbox::read)
                .list();
    }

    /** When the earliest unsent notice is due, if any: lets a sender sleep exactly until then. */
    public Optional<Instant> nextDue(Handle handle) {
        return handle.createQuery("SELECT MIN(due_at) FROM notices WHERE sent_at IS NULL AND failed_at IS NULL")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    /** Everything written for one user, newest first (what a person was told, for the API and tests). */
    public List<Notice> forUser(Handle handle, String userId, int limit) {
        return handle.createQuery("SELECT * FROM notices WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit)
                .map(NoticeOutbox::read)
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

    /** Records a last failed attempt: the notice is no longer due but stays visible with its error. */
    public void markGivenUp(Handle handle, long id, String channel, String error, Instant at) {
        handle.createUpdate("""
                        UPDATE notices SET attempts = attempts + 1, last_error = :error, channel = :channel, failed_at = :at
                        WHERE id = :id""")
                .bind("id", id).bind("error", error).bind("channel", channel).bind("at", at.toEpochMilli()).execute();
    }

    private static Notice read(ResultSet rs, StatementContext context) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("user_id"), rs.getString("kind"),
                rs.getString("dedup_key"), rs.getString("subject"), rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("due_at")),
                instant(rs, "sent_at"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("channel"), instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
