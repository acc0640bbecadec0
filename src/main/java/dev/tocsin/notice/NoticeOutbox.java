package dev.tocsin.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.engine.Timers;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the outbox of notices. Every method works inside the caller's handle (and so its transaction).
 * Enqueueing a notice also schedules its {@code notice} timer in the same transaction, so the timer engine sends
 * it at its due time ({@link NoticeSender}), on exactly one node; callers wake the engine after they commit.
 */
public final class NoticeOutbox {
    /** The timer kind that sends a notice. */
    public static final String TIMER_KIND = "notice";

    /** The key of the timer that sends notice {@code id} (retries reuse it: the fired timer's key is free again). */
    public static String timerKey(long id) {
        return TIMER_KIND + ":" + id;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The timer's payload: the notice and its person (the person is the sending lane). */
    static String timerPayload(long id, String userId) {
        return JSON.createObjectNode().put("notice", id).put("user", userId).toString();
    }

    static JsonNode readPayload(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("notice timer payload is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a notice and schedules its sending; returns false (and writes nothing) when a notice with the same
     * dedup key exists already. Call it in the transaction that makes the change the notice tells about.
     */
    public boolean enqueue(Handle handle, Notice notice) {
        // ON CONFLICT: two nodes writing the same notice at once (the unique index on dedup_key decides) must not
        // fail the transaction of the one that comes second.
        Optional<Long> id = handle.createQuery("""
                        INSERT INTO notices (user_id, kind, dedup_key, subject, body, created_at, due_at, attempts)
                        VALUES (:user, :kind, :dedup, :subject, :body, :created, :due, 0)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .bind("user", notice.userId()).bind("kind", notice.kind()).bind("dedup", notice.dedupKey())
                .bind("subject", notice.subject()).bind("body", notice.body())
                .bind("created", notice.createdAt().toEpochMilli()).bind("due", notice.dueAt().toEpochMilli())
                .mapTo(Long.class).findOne();
        if (id.isEmpty()) return false;
        Timers.schedule(handle, TIMER_KIND, timerKey(id.get()), timerPayload(id.get(), notice.userId()), notice.dueAt(),
                notice.createdAt());
        return true;
    }

    /**
     * Gives a sending timer to every unsent notice that has none: notices written before notices were sent by
     * timers, or by a node of an older version during a rolling upgrade, or whose timer was given up (the engine
     * failed to complete it {@code TimerEngine.MAX_ATTEMPTS} times). Returns how many.
     */
    public int scheduleOrphans(Handle handle, Instant now) {
        List<Notice> orphans = handle.createQuery("""
                        SELECT * FROM notices n WHERE n.sent_at IS NULL AND n.failed_at IS NULL AND NOT EXISTS (
                            SELECT 1 FROM timers t WHERE t.dedup_key = 'notice:' || n.id AND t.done_at IS NULL)""")
                .map(NoticeOutbox::read)
                .list();
        int scheduled = 0;
        for (Notice notice : orphans) {
            if (Timers.schedule(handle, TIMER_KIND, timerKey(notice.id()), timerPayload(notice.id(), notice.userId()),
                    notice.dueAt(), now)) {
                scheduled++;
            }
        }
        return scheduled;
    }

    /** The notice with this id, if any. */
    public Optional<Notice> find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM notices WHERE id = :id").bind("id", id).map(NoticeOutbox::read).findOne();
    }

    /** Everything written for one user, newest first (what a person was told, for the API and tests). */
    public List<Notice> forUser(Handle handle, String userId, int limit) {
        return handle.createQuery("SELECT * FROM notices WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit)
                .map(NoticeOutbox::read)
                .list();
    }

    /** Records the notice sent, unless it was recorded sent or given up already; returns whether it did. */
    public boolean markSent(Handle handle, long id, String channel, Instant at) {
        return handle.createUpdate("""
                        UPDATE notices SET sent_at = :at, channel = :channel, attempts = attempts + 1
                        WHERE id = :id AND sent_at IS NULL AND failed_at IS NULL""")
                .bind("id", id).bind("channel", channel).bind("at", at.toEpochMilli()).execute() == 1;
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
