package dev.tocsin.incident;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the triage commands (rename, merge, split): titles, moved alerts, the merges table (V27). */
final class TriageStore {
    void updateTitle(Handle handle, Incident incident) {
        handle.createUpdate("UPDATE incidents SET title = :title, updated_at = :at WHERE id = :id")
                .bind("id", incident.id()).bind("title", incident.title()).bind("at", incident.updatedAt().toEpochMilli())
                .execute();
    }

    /** Moves every alert of one incident to another; returns how many. */
    int moveAlerts(Handle handle, long fromIncident, long toIncident, Instant at) {
        return handle.createUpdate("UPDATE alerts SET incident_id = :to, updated_at = :at WHERE incident_id = :from")
                .bind("from", fromIncident).bind("to", toIncident).bind("at", at.toEpochMilli()).execute();
    }

    void moveAlert(Handle handle, long alertId, long toIncident, Instant at) {
        handle.createUpdate("UPDATE alerts SET incident_id = :to, updated_at = :at WHERE id = :id")
                .bind("id", alertId).bind("to", toIncident).bind("at", at.toEpochMilli()).execute();
    }

    Optional<Alert> alert(Handle handle, long alertId) {
        return handle.createQuery("SELECT * FROM alerts WHERE id = :id").bind("id", alertId)
                .map((rs, ctx) -> Rows.alert(rs)).findOne();
    }

    void recordMerge(Handle handle, long mergedId, long intoId, String by, Instant at) {
        handle.createUpdate("INSERT INTO incident_merges (merged_id, into_id, merged_by, merged_at) VALUES (:merged, :into, :by, :at)")
                .bind("merged", mergedId).bind("into", intoId).bind("by", by).bind("at", at.toEpochMilli()).execute();
    }

    Optional<Long> mergedInto(Handle handle, long incidentId) {
        return handle.createQuery("SELECT into_id FROM incident_merges WHERE merged_id = :id").bind("id", incidentId)
                .mapTo(Long.class).findOne();
    }

    List<Long> mergedFrom(Handle handle, long incidentId) {
        return handle.createQuery("SELECT merged_id FROM incident_merges WHERE into_id = :id ORDER BY merged_at, merged_id")
                .bind("id", incidentId).mapTo(Long.class).list();
    }
}
