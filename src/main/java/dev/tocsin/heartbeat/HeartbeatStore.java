package dev.tocsin.heartbeat;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes the {@code heartbeats} table (runtime state; the configuration is elsewhere). */
final class HeartbeatStore {
    private static final String COLUMNS = "heartbeat_id, state, started_at, last_ping_at, due_at, pings, incident_id, expired_at";

    private HeartbeatStore() {
    }

    /**
     * Reads the row after taking its write lock. A ping and a firing timer may run in parallel transactions on
     * PostgreSQL; the no-op UPDATE makes the second wait for the first, and the SELECT after it (a new statement
     * under READ COMMITTED) then sees what the first committed. On SQLite the single writer serialises anyway.
     */
    static Optional<HeartbeatRow> lockAndFind(Handle handle, String heartbeatId) {
        handle.createUpdate("UPDATE heartbeats SET pings = pings WHERE heartbeat_id = :id").bind("id", heartbeatId).execute();
        return find(handle, heartbeatId);
    }

    static Optional<HeartbeatRow> find(Handle handle, String heartbeatId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM heartbeats WHERE heartbeat_id = :id")
                .bind("id", heartbeatId)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    static List<String> ids(Handle handle) {
        return handle.createQuery("SELECT heartbeat_id FROM heartbeats").mapTo(String.class).list();
    }

    static List<HeartbeatRow> all(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM heartbeats ORDER BY heartbeat_id").map((rs, ctx) -> row(rs)).list();
    }

    /** Inserts the row unless one with its id exists (a ping and a configuration change may both create it). */
    static void insertIfAbsent(Handle handle, HeartbeatRow row) {
        handle.createUpdate("INSERT INTO heartbeats (" + COLUMNS + """
                        ) VALUES (:id, :state, :started, :lastPing, :due, :pings, :incident, :expired)
                        ON CONFLICT (heartbeat_id) DO NOTHING""")
                .bind("id", row.heartbeatId())
                .bind("state", row.state().wireName())
                .bind("started", millis(row.startedAt()))
                .bind("lastPing", millis(row.lastPingAt()))
                .bind("due", millis(row.dueAt()))
                .bind("pings", row.pings())
                .bind("incident", row.incidentId())
                .bind("expired", millis(row.expiredAt()))
                .execute();
    }

    static void update(Handle handle, HeartbeatRow row) {
        handle.createUpdate("""
                        UPDATE heartbeats SET state = :state, started_at = :started, last_ping_at = :lastPing, due_at = :due,
                        pings = :pings, incident_id = :incident, expired_at = :expired WHERE heartbeat_id = :id""")
                .bind("id", row.heartbeatId())
                .bind("state", row.state().wireName())
                .bind("started", millis(row.startedAt()))
                .bind("lastPing", millis(row.lastPingAt()))
                .bind("due", millis(row.dueAt()))
                .bind("pings", row.pings())
                .bind("incident", row.incidentId())
                .bind("expired", millis(row.expiredAt()))
                .execute();
    }

    static void delete(Handle handle, String heartbeatId) {
        handle.createUpdate("DELETE FROM heartbeats WHERE heartbeat_id = :id").bind("id", heartbeatId).execute();
    }

    private static HeartbeatRow row(ResultSet rs) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new HeartbeatRow(rs.getString("heartbeat_id"), HeartbeatState.parse(rs.getString("state")),
                instant(rs, "started_at"), instant(rs, "last_ping_at"), instant(rs, "due_at"), rs.getLong("pings"),
                incidentId, instant(rs, "expired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
