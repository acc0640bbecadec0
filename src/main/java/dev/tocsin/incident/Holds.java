package dev.tocsin.incident;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for {@link Hold}s (table {@code incident_holds}, V26). Every method works inside the caller's handle. */
public final class Holds {
    public Optional<Hold> find(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM incident_holds WHERE incident_id = :id").bind("id", incidentId)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Replaces the incident's hold. */
    public void put(Handle handle, Hold hold) {
        clear(handle, hold.incidentId());
        handle.createUpdate("""
                        INSERT INTO incident_holds (incident_id, reason, until_at, window_id, held_at, held_by)
                        VALUES (:id, :reason, :until, :window, :at, :by)""")
                .bind("id", hold.incidentId()).bind("reason", hold.reason().wireName())
                .bind("until", hold.until().toEpochMilli()).bind("window", hold.windowId())
                .bind("at", hold.heldAt().toEpochMilli()).bind("by", hold.heldBy()).execute();
    }

    /** Removes the incident's hold; true if there was one. */
    public boolean clear(Handle handle, long incidentId) {
        return handle.createUpdate("DELETE FROM incident_holds WHERE incident_id = :id").bind("id", incidentId).execute() > 0;
    }

    /** The incidents a maintenance window holds back, oldest first. */
    public List<Hold> ofWindow(Handle handle, long windowId) {
        return handle.createQuery("SELECT * FROM incident_holds WHERE window_id = :window ORDER BY incident_id")
                .bind("window", windowId).map((rs, ctx) -> row(rs)).list();
    }

    /** The holds of these incidents (for lists), by incident id. */
    public Map<Long, Hold> of(Handle handle, List<Long> incidentIds) {
        if (incidentIds.isEmpty()) return Map.of();
        Map<Long, Hold> holds = new java.util.HashMap<>();
        handle.createQuery("SELECT * FROM incident_holds WHERE incident_id IN (<ids>)").bindList("ids", incidentIds)
                .map((rs, ctx) -> row(rs)).forEach(hold -> holds.put(hold.incidentId(), hold));
        return holds;
    }

    private static Hold row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long window = rs.getLong("window_id");
        Long windowId = rs.wasNull() ? null : window;
        return new Hold(rs.getLong("incident_id"), Hold.Reason.parse(rs.getString("reason")),
                Instant.ofEpochMilli(rs.getLong("until_at")), windowId, Instant.ofEpochMilli(rs.getLong("held_at")),
                rs.getString("held_by"));
    }

    /**
     * Changes the incident's urgency: a service that pages low urgency as high outside its support hours
     * ({@code urgency.outside_support_hours: high}) raises it for good, so its notifications and lists agree.
     */
    public void setUrgency(Handle handle, long incidentId, dev.tocsin.urgency.Urgency urgency) {
        handle.createUpdate("UPDATE incidents SET urgency = :urgency WHERE id = :id").bind("id", incidentId)
                .bind("urgency", urgency.wireName()).execute();
    }
}
