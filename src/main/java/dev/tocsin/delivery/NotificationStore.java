package dev.tocsin.delivery;

import dev.tocsin.secret.ActionTokens;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code notifications} table: every page, fallback, retry and test page, and where its delivery stands. */
public final class NotificationStore {
    /**
     * A bundle is one message: its text is stored once, on the notification that led it, and the notifications it
     * carried point at that one ({@code bundled_into}) with no text of their own, so a storm that bundles thousands
     * of pages for one person grows the table linearly, not with the square of the bundle. Read back, a carried
     * notification shows the bundle's text.
     */
    private static final String NOTIFICATION_COLUMNS = """
            id, incident_id, user_id, contact_method_id, method_type, purpose, status, attempts, due_at, provider,
            provider_id, bundled_into, error,
            COALESCE(subject, (SELECT lead.subject FROM notifications lead WHERE lead.id = notifications.bundled_into)) AS subject,
            COALESCE(body, (SELECT lead.body FROM notifications lead WHERE lead.id = notifications.bundled_into)) AS body,
            created_at, updated_at, sent_at""";

    public long insertNotification(Handle handle, Long incidentId, String userId, String contactMethodId, String methodType,
                            String purpose, String subject, String body, Instant dueAt, Instant now) {
        return handle.createQuery("""
                        INSERT INTO notifications (incident_id, user_id, contact_method_id, method_type, purpose, status,
                                                   attempts, subject, body, due_at, created_at, updated_at)
                        VALUES (:incident, :user, :method, :type, :purpose, 'pending', 0, :subject, :body, :due, :now, :now)
                        RETURNING id""")
                .bind("incident", incidentId).bind("user", userId).bind("method", contactMethodId)
                .bind("type", methodType).bind("purpose", purpose).bind("subject", subject).bind("body", body)
                .bind("due", dueAt.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public Optional<Notification> notification(Handle handle, long id) {
        return handle.createQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notifications WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> notification(rs)).findOne();
    }

    public List<Notification> ofIncident(Handle handle, long incidentId) {
        return handle.createQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notifications WHERE incident_id = :id ORDER BY id")
                .bind("id", incidentId).map((rs, ctx) -> notification(rs)).list();
    }

    /** Newest first: one user's (or everyone's for a null user), older than {@code beforeId} when it is given. */
    public List<Notification> recent(Handle handle, String userId, Long beforeId, int limit) {
        String where = (userId == null ? "" : " AND user_id = :user") + (beforeId == null ? "" : " AND id < :before");
        return handle.createQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notifications WHERE 1 = 1" + where
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("before", beforeId).bind("limit", limit).map((rs, ctx) -> notification(rs)).list();
    }

    /** Other notifications waiting for the same contact method that one message can carry along (bundling). */
    public List<Notification> waitingFor(Handle handle, String userId, String contactMethodId, long except, String key, Instant now) {
        return handle.createQuery("SELECT " + NOTIFICATION_COLUMNS + " " + """
                         FROM notifications WHERE user_id = :user AND contact_method_id = :method
                         AND (status = 'pending' OR (status = 'sending' AND sending_key = :key))
                         AND incident_id IS NOT NULL AND id <> :except AND due_at <= :now ORDER BY id DESC""")
                .bind("user", userId).bind("method", contactMethodId).bind("except", except).bind("key", key)
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> notification(rs)).list();
    }

    /** When this contact method last took a message from Tocsin, for throttling. */
    public Optional<Instant> lastSent(Handle handle, String userId, String contactMethodId) {
        return handle.createQuery("""
                        SELECT MAX(sent_at) FROM notifications
                        WHERE user_id = :user AND contact_method_id = :method AND sent_at IS NOT NULL""")
                .bind("user", userId).bind("method", contactMethodId)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    /**
     * Contact methods that took a message for this person's paging about this incident since {@code since}, or have
     * one waiting or being sent.
     */
    public List<String> methodsInUse(Handle handle, long incidentId, String userId, Instant since) {
        return handle.createQuery("""
                        SELECT DISTINCT contact_method_id FROM notifications
                        WHERE incident_id = :incident AND user_id = :user
                        AND status IN ('pending', 'sending', 'sent', 'delivered') AND created_at >= :since""")
                .bind("incident", incidentId).bind("user", userId).bind("since", since.toEpochMilli())
                .mapTo(String.class).list();
    }

    /** Contact methods that failed for this person's paging about this incident since {@code since}. */
    public List<String> failedMethods(Handle handle, long incidentId, String userId, Instant since) {
        return handle.createQuery("""
                        SELECT DISTINCT contact_method_id FROM notifications
                        WHERE incident_id = :incident AND user_id = :user AND status = 'failed' AND created_at >= :since""")
                .bind("incident", incidentId).bind("user", userId).bind("since", since.toEpochMilli())
                .mapTo(String.class).list();
    }

    /**
     * Claims the notification for sending under a timer's key: a pending one, or one this same key claimed
     * before (the node sending it died, and its timer came back). False if another timer's message carries it.
     */
    public boolean claimForSending(Handle handle, long id, String key, Instant now) {
        return handle.createUpdate("""
                        UPDATE notifications SET status = 'sending', sending_key = :key, attempts = attempts + 1,
                               updated_at = :now
                        WHERE id = :id AND (status = 'pending' OR (status = 'sending' AND sending_key = :key))""")
                .bind("id", id).bind("key", key).bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Sent; a notification carried in another's message ({@code bundledInto}) keeps no copy of the text. */
    public void markSent(Handle handle, long id, String provider, String providerId, Long bundledInto, String subject,
                  String body, Instant now) {
        handle.createUpdate("""
                        UPDATE notifications SET status = 'sent', provider = :provider, provider_id = :providerId,
                               bundled_into = :bundle, error = NULL, subject = :subject, body = :body, sent_at = :now,
                               updated_at = :now
                        WHERE id = :id""")
                .bind("id", id).bind("provider", provider).bind("providerId", providerId).bind("bundle", bundledInto)
                .bind("subject", bundledInto == null ? ActionTokens.redact(subject) : null)
                .bind("body", bundledInto == null ? ActionTokens.redact(body) : null)
                .bind("now", now.toEpochMilli()).execute();
    }

    public void markPending(Handle handle, long id, String error, Instant dueAt, Instant now) {
        handle.createUpdate("""
                        UPDATE notifications SET status = 'pending', error = :error, due_at = :due, updated_at = :now
                        WHERE id = :id""")
                .bind("id", id).bind("error", error).bind("due", dueAt.toEpochMilli()).bind("now", now.toEpochMilli())
                .execute();
    }

    public void markFailed(Handle handle, long id, String error, Instant now) {
        handle.createUpdate("UPDATE notifications SET status = 'failed', error = :error, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("error", error).bind("now", now.toEpochMilli()).execute();
    }

    public void markCancelled(Handle handle, long id, String why, Instant now) {
        handle.createUpdate("""
                        UPDATE notifications SET status = 'cancelled', error = :why, updated_at = :now
                        WHERE id = :id AND status IN ('pending', 'sending')""")
                .bind("id", id).bind("why", why).bind("now", now.toEpochMilli()).execute();
    }

    /** Cancels the person's unsent notifications about the incident; returns how many. */
    public int cancelUnsent(Handle handle, long incidentId, String userId, String why, Instant now) {
        return handle.createUpdate("""
                        UPDATE notifications SET status = 'cancelled', error = :why, updated_at = :now
                        WHERE incident_id = :incident AND user_id = :user AND status = 'pending'""")
                .bind("incident", incidentId).bind("user", userId).bind("why", why).bind("now", now.toEpochMilli())
                .execute();
    }

    /** A provider's delivery report for a message it accepted: delivered, or failed after all. */
    public List<Notification> byProviderId(Handle handle, String provider, String providerId) {
        return handle.createQuery("SELECT " + NOTIFICATION_COLUMNS
                        + " FROM notifications WHERE provider_id = :pid AND provider = :provider")
                .bind("pid", providerId).bind("provider", provider).map((rs, ctx) -> notification(rs)).list();
    }

    public void setStatus(Handle handle, long id, Notification.Status status, String error, Instant now) {
        handle.createUpdate("UPDATE notifications SET status = :status, error = :error, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("status", status.wireName()).bind("error", error).bind("now", now.toEpochMilli())
                .execute();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        long bundle = rs.getLong("bundled_into");
        Long bundledInto = rs.wasNull() ? null : bundle;
        return new Notification(rs.getLong("id"), incidentId, rs.getString("user_id"), rs.getString("contact_method_id"),
                rs.getString("method_type"), rs.getString("purpose"), Notification.Status.parse(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "due_at"), rs.getString("provider"), rs.getString("provider_id"),
                bundledInto, rs.getString("error"), rs.getString("subject"), rs.getString("body"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
