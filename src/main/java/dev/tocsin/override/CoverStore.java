package dev.tocsin.override;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for cover requests and their answers; every method works inside the caller's handle. */
final class CoverStore {
    void insert(Handle handle, CoverRequest request) {
        handle.createUpdate("""
                        INSERT INTO cover_requests (id, schedule_id, requester, asked_user, start_at, end_at, reason,
                                                    status, created_at, expires_at)
                        VALUES (:id, :schedule, :requester, :asked, :start, :end, :reason, 'open', :created, :expires)""")
                .bind("id", request.id()).bind("schedule", request.scheduleId()).bind("requester", request.requester())
                .bind("asked", request.askedUser()).bind("start", request.start().toEpochMilli())
                .bind("end", request.end().toEpochMilli()).bind("reason", request.reason())
                .bind("created", request.createdAt().toEpochMilli()).bind("expires", request.expiresAt().toEpochMilli())
                .execute();
    }

    Optional<CoverRequest> find(Handle handle, String id) {
        return handle.createQuery("SELECT * FROM cover_requests WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(handle, rs)).findOne();
    }

    /** Open requests whose expiry has come. */
    List<CoverRequest> due(Handle handle, Instant now) {
        return handle.createQuery("SELECT * FROM cover_requests WHERE status = 'open' AND expires_at <= :now ORDER BY id")
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> read(handle, rs)).list();
    }

    /** Requests newest first; {@code status} null for any. */
    List<CoverRequest> list(Handle handle, String status, int limit) {
        var query = handle.createQuery("SELECT * FROM cover_requests" + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit").bind("limit", limit);
        if (status != null) query.bind("status", status);
        return query.map((rs, ctx) -> read(handle, rs)).list();
    }

    /** Closes an open request; false if it was not open any more. */
    boolean close(Handle handle, String id, String status, String by, Instant at, String overrideId) {
        return handle.createUpdate("""
                        UPDATE cover_requests SET status = :status, closed_by = :by, closed_at = :at, override_id = :override
                        WHERE id = :id AND status = 'open'""")
                .bind("id", id).bind("status", status).bind("by", by).bind("at", at.toEpochMilli())
                .bind("override", overrideId).execute() == 1;
    }

    void recordDecline(Handle handle, String id, String userId, Instant at) {
        handle.createUpdate("DELETE FROM cover_answers WHERE request_id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId).execute();
        handle.createUpdate("""
                        INSERT INTO cover_answers (request_id, user_id, answer, answered_at)
                        VALUES (:id, :user, 'declined', :at)""")
                .bind("id", id).bind("user", userId).bind("at", at.toEpochMilli()).execute();
    }

    private static CoverRequest read(Handle handle, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        long closed = rs.getLong("closed_at");
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        List<String> declined = handle.createQuery(
                        "SELECT user_id FROM cover_answers WHERE request_id = :id AND answer = 'declined' ORDER BY answered_at, user_id")
                .bind("id", id).mapTo(String.class).list();
        return new CoverRequest(id, rs.getString("schedule_id"), rs.getString("requester"), rs.getString("asked_user"),
                Instant.ofEpochMilli(rs.getLong("start_at")), Instant.ofEpochMilli(rs.getLong("end_at")),
                rs.getString("reason"), rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), closedAt, rs.getString("closed_by"),
                rs.getString("override_id"), declined);
    }
}
