package dev.tocsin.override;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for swap requests; every method works inside the caller's handle. */
final class SwapStore {
    void insert(Handle handle, SwapRequest swap) {
        handle.createUpdate("""
                        INSERT INTO swap_requests (id, requester, other_user, schedule_id, start_at, end_at,
                            other_schedule_id, other_start_at, other_end_at, reason, status, created_at, expires_at)
                        VALUES (:id, :requester, :other, :schedule, :start, :end, :otherSchedule, :otherStart,
                            :otherEnd, :reason, 'open', :created, :expires)""")
                .bind("id", swap.id()).bind("requester", swap.requester()).bind("other", swap.otherUser())
                .bind("schedule", swap.scheduleId()).bind("start", swap.start().toEpochMilli())
                .bind("end", swap.end().toEpochMilli()).bind("otherSchedule", swap.otherScheduleId())
                .bind("otherStart", swap.otherStart().toEpochMilli()).bind("otherEnd", swap.otherEnd().toEpochMilli())
                .bind("reason", swap.reason()).bind("created", swap.createdAt().toEpochMilli())
                .bind("expires", swap.expiresAt().toEpochMilli())
                .execute();
    }

    Optional<SwapRequest> find(Handle handle, String id) {
        return handle.createQuery("SELECT * FROM swap_requests WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    List<SwapRequest> due(Handle handle, Instant now) {
        return handle.createQuery("SELECT * FROM swap_requests WHERE status = 'open' AND expires_at <= :now ORDER BY id")
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> read(rs)).list();
    }

    List<SwapRequest> list(Handle handle, String status, int limit) {
        var query = handle.createQuery("SELECT * FROM swap_requests" + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit").bind("limit", limit);
        if (status != null) query.bind("status", status);
        return query.map((rs, ctx) -> read(rs)).list();
    }

    boolean close(Handle handle, String id, String status, String by, Instant at, List<String> overrideIds) {
        return handle.createUpdate("""
                        UPDATE swap_requests SET status = :status, closed_by = :by, closed_at = :at, override_ids = :overrides
                        WHERE id = :id AND status = 'open'""")
                .bind("id", id).bind("status", status).bind("by", by).bind("at", at.toEpochMilli())
                .bind("overrides", overrideIds.isEmpty() ? null : String.join(",", overrideIds)).execute() == 1;
    }

    private static SwapRequest read(ResultSet rs) throws SQLException {
        long closed = rs.getLong("closed_at");
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        String overrides = rs.getString("override_ids");
        return new SwapRequest(rs.getString("id"), rs.getString("requester"), rs.getString("other_user"),
                rs.getString("schedule_id"), Instant.ofEpochMilli(rs.getLong("start_at")),
                Instant.ofEpochMilli(rs.getLong("end_at")), rs.getString("other_schedule_id"),
                Instant.ofEpochMilli(rs.getLong("other_start_at")), Instant.ofEpochMilli(rs.getLong("other_end_at")),
                rs.getString("reason"), rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), closedAt, rs.getString("closed_by"),
                overrides == null ? List.of() : Arrays.asList(overrides.split(",")));
    }
}
