package dev.tocsin.followup;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Follow-up items for recurring and noisy alerts: the internal list a *create ticket* button fills until a ticket system
 * is connected (the ChatOps issue brings Jira). One open item per alert key: asking again answers with the open one.
 */
public final class FollowUps {
    public static final int MAX_TITLE = 500;

    private final Database database;
    private final Clock clock;

    public FollowUps(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A follow-up for the alert of incident {@code incidentId} (its first alert), or the open one it already has. */
    public FollowUp create(long incidentId, String title, Actor by) {
        String text = title == null ? "" : title.strip();
        if (text.length() > MAX_TITLE) throw Refusal.invalid("title: at most " + MAX_TITLE + " characters");
        long now = clock.millis();
        long id = database.writeAndWait(handle -> {
            Map<String, Object> alert = handle.createQuery("""
                            SELECT service_id, integration_key, dedup_key, summary FROM alerts WHERE incident_id = :incident
                            ORDER BY id LIMIT 1""")
                    .bind("incident", incidentId).mapToMap().findOne()
                    .orElseThrow(() -> Refusal.notFound("incident #" + incidentId + " (or it has no alert)"));
            List<Long> open = handle.createQuery("""
                            SELECT id FROM follow_ups WHERE integration_key = :integration AND dedup_key = :dedup AND closed_at IS NULL""")
                    .bind("integration", alert.get("integration_key")).bind("dedup", alert.get("dedup_key")).mapTo(Long.class).list();
            if (!open.isEmpty()) return open.get(0);
            return handle.createUpdate("""
                            INSERT INTO follow_ups (service_id, integration_key, dedup_key, title, created_by, created_at)
                            VALUES (:service, :integration, :dedup, :title, :by, :now)""")
                    .bind("service", alert.get("service_id")).bind("integration", alert.get("integration_key"))
                    .bind("dedup", alert.get("dedup_key"))
                    .bind("title", text.isEmpty() ? "Recurring: " + alert.get("summary") : text)
                    .bind("by", by.toString()).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return find(id);
    }

    public FollowUp close(long id, Actor by) {
        long now = clock.millis();
        int closed = database.writeAndWait(handle -> handle.createUpdate(
                        "UPDATE follow_ups SET closed_at = :now, closed_by = :by WHERE id = :id AND closed_at IS NULL")
                .bind("now", now).bind("by", by.toString()).bind("id", id).execute());
        FollowUp followUp = find(id);
        if (closed == 0) throw Refusal.conflict("follow-up " + id + " was closed already");
        return followUp;
    }

    /** The newest first; only open ones when {@code openOnly}. */
    public List<FollowUp> list(boolean openOnly, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery(SELECT
                        + (openOnly ? " WHERE f.closed_at IS NULL" : "") + " ORDER BY f.id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    public FollowUp find(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery(SELECT + " WHERE f.id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne()).orElseThrow(() -> Refusal.notFound("follow-up " + id));
    }

    /** The incident a follow-up points to: the newest incident of its alert key. */
    private static final String SELECT = """
            SELECT f.id, f.service_id, f.dedup_key, f.title, f.created_by, f.created_at, f.closed_at, f.closed_by,
                   (SELECT MAX(a.incident_id) FROM alerts a WHERE a.integration_key = f.integration_key AND a.dedup_key = f.dedup_key) AS incident
            FROM follow_ups f""";

    private static FollowUp row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long closed = rs.getLong("closed_at");
        boolean isClosed = !rs.wasNull();
        return new FollowUp(rs.getLong("id"), rs.getString("service_id"), rs.getString("dedup_key"), rs.getString("title"),
                rs.getLong("incident"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                isClosed ? Instant.ofEpochMilli(closed) : null, rs.getString("closed_by"));
    }
}
