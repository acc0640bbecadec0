package dev.tocsin.incident;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for what event rules leave behind (V25): an incident's grouping key, priority and runbook, and the alerts
 * rules suppressed. Every method works inside the caller's handle.
 */
public final class AlertTriageStore {
    private AlertTriageStore() {
    }

    /** One alert a rule suppressed. */
    public record SuppressedAlert(long id, String serviceId, String dedupKey, String summary, String severity,
                                  String rule, Instant receivedAt) {
    }

    /** An incident's triage columns. */
    public record Columns(String groupKey, String priority, String runbook) {
        public static final Columns NONE = new Columns(null, null, null);
    }

    /** Records what event rules decided for an incident: its grouping key, priority and runbook. */
    public static void set(Handle handle, long incidentId, String groupKey, String priority, String runbook) {
        handle.createUpdate("UPDATE incidents SET group_key = :group, priority = :priority, runbook = :runbook WHERE id = :id")
                .bind("id", incidentId).bind("group", groupKey).bind("priority", priority).bind("runbook", runbook)
                .execute();
    }

    public static Columns columns(Handle handle, long incidentId) {
        return handle.createQuery("SELECT group_key, priority, runbook FROM incidents WHERE id = :id").bind("id", incidentId)
                .map((rs, ctx) -> new Columns(rs.getString("group_key"), rs.getString("priority"), rs.getString("runbook")))
                .findOne().orElse(Columns.NONE);
    }

    /** The newest open incident of a service with this grouping key opened at or after {@code since}. */
    static Optional<Long> findGroupIncident(Handle handle, String serviceId, String groupKey, Instant since) {
        return handle.createQuery("SELECT id FROM incidents WHERE service_id = :service AND group_key = :group"
                        + " AND created_at >= :since AND status <> 'resolved' ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("service", serviceId).bind("group", groupKey).bind("since", since.toEpochMilli())
                .mapTo(Long.class).findOne();
    }

    /** Keeps an alert a rule suppressed: no incident, nobody paged, but visible with its service. */
    static void insertSuppressed(Handle handle, String serviceId, AlertEvent event, String rule, Instant at) {
        handle.createUpdate("INSERT INTO suppressed_alerts (service_id, integration_key, dedup_key, summary, severity,"
                        + " rule_name, received_at, details) VALUES (:service, :key, :dedup, :summary, :severity, :rule, :at, :details)")
                .bind("service", serviceId).bind("key", event.integrationKey()).bind("dedup", event.dedupKey())
                .bind("summary", IncidentLifecycle.titleOf(event))
                .bind("severity", event.severity().wireName()).bind("rule", rule).bind("at", at.toEpochMilli())
                .bind("details", Rows.toJson(event.details()))
                .execute();
    }

    /** A service's suppressed alerts, newest first. */
    public static List<SuppressedAlert> suppressed(Handle handle, String serviceId, int limit) {
        return handle.createQuery("SELECT id, service_id, dedup_key, summary, severity, rule_name, received_at"
                        + " FROM suppressed_alerts WHERE service_id = :service ORDER BY id DESC LIMIT :limit")
                .bind("service", serviceId).bind("limit", limit)
                .map((rs, ctx) -> new SuppressedAlert(rs.getLong("id"), rs.getString("service_id"), rs.getString("dedup_key"),
                        rs.getString("summary"), rs.getString("severity"), rs.getString("rule_name"),
                        Instant.ofEpochMilli(rs.getLong("received_at"))))
                .list();
    }
}
