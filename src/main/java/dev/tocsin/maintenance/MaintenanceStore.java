package dev.tocsin.maintenance;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for maintenance windows (table {@code maintenance_windows}, V26). Works inside the caller's handle. */
public final class MaintenanceStore {
    public long insert(Handle handle, String serviceId, String teamId, Instant from, Instant to, String reason,
                       String createdBy, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO maintenance_windows (service_id, team_id, starts_at, ends_at, reason, created_by, created_at)
                        VALUES (:service, :team, :from, :to, :reason, :by, :now)""")
                .bind("service", serviceId).bind("team", teamId).bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli()).bind("reason", reason).bind("by", createdBy).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<MaintenanceWindow> find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM maintenance_windows WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** The windows silencing this service at {@code at} (its own, and its team's), latest end first. */
    public List<MaintenanceWindow> activeFor(Handle handle, String serviceId, String teamId, Instant at) {
        return handle.createQuery("""
                        SELECT * FROM maintenance_windows
                        WHERE starts_at <= :at AND COALESCE(ended_at, ends_at) > :at AND ends_at > :at
                          AND (service_id = :service OR team_id = :team)
                        ORDER BY ends_at DESC, id""")
                .bind("at", at.toEpochMilli()).bind("service", serviceId).bind("team", teamId)
                .map((rs, ctx) -> row(rs)).list();
    }

    /** Windows not yet over at {@code at} (current and upcoming), soonest first. */
    public List<MaintenanceWindow> notOver(Handle handle, Instant at) {
        return handle.createQuery("""
                        SELECT * FROM maintenance_windows
                        WHERE COALESCE(ended_at, ends_at) > :at AND ends_at > :at ORDER BY starts_at, id""")
                .bind("at", at.toEpochMilli()).map((rs, ctx) -> row(rs)).list();
    }

    public void end(Handle handle, long id, String by, Instant at) {
        handle.createUpdate("UPDATE maintenance_windows SET ended_at = :at, ended_by = :by WHERE id = :id")
                .bind("id", id).bind("at", at.toEpochMilli()).bind("by", by).execute();
    }

    private static MaintenanceWindow row(ResultSet rs) throws SQLException {
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        return new MaintenanceWindow(rs.getLong("id"), rs.getString("service_id"), rs.getString("team_id"),
                Instant.ofEpochMilli(rs.getLong("starts_at")), Instant.ofEpochMilli(rs.getLong("ends_at")),
                rs.getString("reason"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                endedAt, rs.getString("ended_by"));
    }
}
