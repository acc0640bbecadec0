package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.events.IncidentEvent;
import dev.tocsin.events.IncidentEvents;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.store.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for incidents, alerts, timelines and accepted events. Every method works inside the caller's handle. Each
 * timeline entry it writes is also recorded as an {@link IncidentEvent} on the event stream, in the same handle.
 */
public final class IncidentStore {
    /** The open alert for a dedup key and the incident it belongs to. */
    public record OpenAlert(long alertId, long incidentId) {
    }

    private final IncidentEvents events;

    /** A store whose timeline entries go to no listener (tools and tests that only read and write). */
    public IncidentStore() {
        this(IncidentEvents.none());
    }

    public IncidentStore(IncidentEvents events) {
        this.events = events;
    }

    private static final String INCIDENT_COLUMNS = """
            id, service_id, title, status, urgency, severity, created_at, updated_at, acknowledged_at,
            acknowledged_by, resolved_at, resolved_by, alert_count, open_alerts""";

    public long nextId(Handle handle, String counter) {
        return Dialect.nextNumber(handle, counter);
    }

    public Optional<OpenAlert> findOpenAlert(Handle handle, String integrationKey, String dedupKey) {
        return handle.createQuery("""
                        SELECT id, incident_id FROM alerts
                        WHERE integration_key = :key AND dedup_key = :dedup AND status = 'open'""")
                .bind("key", integrationKey).bind("dedup", dedupKey)
                .map((rs, ctx) -> new OpenAlert(rs.getLong("id"), rs.getLong("incident_id")))
                .findOne();
    }

    public void insertIncident(Handle handle, Incident incident) {
        handle.createUpdate("INSERT INTO incidents (" + INCIDENT_COLUMNS + """
                        ) VALUES (:id, :service, :title, :status, :urgency, :severity, :created, :updated, :acked,
                        :ackedBy, :resolved, :resolvedBy, :alertCount, :openAlerts)""")
                .bind("id", incident.id()).bind("service", incident.serviceId()).bind("title", incident.title())
                .bind("status", incident.status().wireName()).bind("urgency", incident.urgency().wireName())
                .bind("severity", incident.severity().wireName())
                .bind("created", incident.createdAt().toEpochMilli()).bind("updated", incident.updatedAt().toEpochMilli())
                .bind("acked", Rows.millis(incident.acknowledgedAt())).bind("ackedBy", incident.acknowledgedBy())
                .bind("resolved", Rows.millis(incident.resolvedAt())).bind("resolvedBy", incident.resolvedBy())
                .bind("alertCount", incident.alertCount()).bind("openAlerts", incident.openAlerts())
                .execute();
    }

    /** Writes the incident's changeable fields (status, who/when, counts, assignees). */
    public void updateIncident(Handle handle, Incident incident) {
        handle.createUpdate("""
                        UPDATE incidents SET status = :status, updated_at = :updated, acknowledged_at = :acked,
                        acknowledged_by = :ackedBy, resolved_at = :resolved, resolved_by = :resolvedBy,
                        alert_count = :alertCount, open_alerts = :openAlerts WHERE id = :id""")
                .bind("id", incident.id()).bind("status", incident.status().wireName())
                .bind("updated", incident.updatedAt().toEpochMilli())
                .bind("acked", Rows.millis(incident.acknowledgedAt())).bind("ackedBy", incident.acknowledgedBy())
                .bind("resolved", Rows.millis(incident.resolvedAt())).bind("resolvedBy", incident.resolvedBy())
                .bind("alertCount", incident.alertCount()).bind("openAlerts", incident.openAlerts())
                .execute();
    }

    public void replaceAssignees(Handle handle, long incidentId, List<String> userIds, Instant at) {
        handle.createUpdate("DELETE FROM incident_assignees WHERE incident_id = :id").bind("id", incidentId).execute();
        for (String userId : userIds) {
            handle.createUpdate("INSERT INTO incident_assignees (incident_id, user_id, assigned_at) VALUES (:id, :user, :at)")
                    .bind("id", incidentId).bind("user", userId).bind("at", at.toEpochMilli()).execute();
        }
    }

    public Optional<Incident> findIncident(Handle handle, long id) {
        Optional<Incident> found = handle.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.incident(rs, List.of())).findOne();
        return found.map(incident -> withAssignees(incident, assignees(handle, List.of(incident.id()))));
    }

    public void insertAlert(Handle handle, Alert alert) {
        handle.createUpdate("""
                        INSERT INTO alerts (id, incident_id, service_id, integration_key, dedup_key, status, summary,
                        severity, source, component, alert_group, alert_class, details, links, created_at, updated_at,
                        event_count, last_event_at) VALUES (:id, :incident, :service, :key, :dedup, 'open', :summary,
                        :severity, :source, :component, :group, :class, :details, :links, :created, :created, 1, :created)""")
                .bind("id", alert.id()).bind("incident", alert.incidentId()).bind("service", alert.serviceId())
                .bind("key", alert.integrationKey()).bind("dedup", alert.dedupKey()).bind("summary", alert.summary())
                .bind("severity", alert.severity().wireName()).bind("source", alert.source())
                .bind("component", alert.component()).bind("group", alert.group()).bind("class", alert.alertClass())
                .bind("details", Rows.toJson(alert.details())).bind("links", alert.links().isEmpty() ? null : Rows.toJson(alert.links()))
                .bind("created", alert.createdAt().toEpochMilli())
                .execute();
    }

    /**
     * Counts a repeated trigger on the open alert for the key, if there is one, in one statement (the most
     * frequent event of all, so it gets no separate lookup).
     */
    public Optional<OpenAlert> touchOpenAlert(Handle handle, String integrationKey, String dedupKey, Instant at) {
        return handle.createQuery("""
                        UPDATE alerts SET event_count = event_count + 1, last_event_at = :at, updated_at = :at
                        WHERE integration_key = :key AND dedup_key = :dedup AND status = 'open'
                        RETURNING id, incident_id""")
                .bind("key", integrationKey).bind("dedup", dedupKey).bind("at", at.toEpochMilli())
                .map((rs, ctx) -> new OpenAlert(rs.getLong("id"), rs.getLong("incident_id")))
                .findOne();
    }

    /** Counts a repeated trigger on an open alert. */
    public void touchAlert(Handle handle, long alertId, Instant at) {
        handle.createUpdate("""
                        UPDATE alerts SET event_count = event_count + 1, last_event_at = :at, updated_at = :at
                        WHERE id = :id""")
                .bind("id", alertId).bind("at", at.toEpochMilli()).execute();
    }

    public void resolveAlert(Handle handle, long alertId, Instant at) {
        handle.createUpdate("""
                        UPDATE alerts SET status = 'resolved', resolved_at = :at, updated_at = :at,
                        event_count = event_count + 1, last_event_at = :at WHERE id = :id""")
                .bind("id", alertId).bind("at", at.toEpochMilli()).execute();
    }

    /** Resolves every open alert of an incident (a person resolved the incident); returns how many. */
    public int resolveOpenAlerts(Handle handle, long incidentId, Instant at) {
        return handle.createUpdate("""
                        UPDATE alerts SET status = 'resolved', resolved_at = :at, updated_at = :at
                        WHERE incident_id = :id AND status = 'open'""")
                .bind("id", incidentId).bind("at", at.toEpochMilli()).execute();
    }

    /** A resolution note for each distinct alert key (integration key and dedup key) of the incident. */
    public void insertResolutionNotes(Handle handle, long incidentId, String note, dev.tocsin.trace.Actor author, Instant at) {
        handle.createUpdate("""
                        INSERT INTO resolution_notes (incident_id, integration_key, dedup_key, note, author, written_at)
                        SELECT DISTINCT incident_id, integration_key, dedup_key, :note, :author, :at FROM alerts WHERE incident_id = :id""")
                .bind("id", incidentId).bind("note", note).bind("author", author.toString()).bind("at", at.toEpochMilli())
                .execute();
    }

    public void insertTimeline(Handle handle, TimelineEntry entry) {
        handle.createUpdate("""
                        INSERT INTO timeline (incident_id, at, kind, actor, channel, message, data)
                        VALUES (:incident, :at, :kind, :actor, :channel, :message, :data)""")
                .bind("incident", entry.incidentId()).bind("at", entry.at().toEpochMilli()).bind("kind", entry.kind())
                .bind("actor", entry.actor().toString()).bind("channel", entry.channel().wireName())
                .bind("message", entry.message()).bind("data", Rows.toJson(entry.data()))
                .execute();
        events.record(handle, new IncidentEvent(entry.incidentId(), entry.kind(), entry.actor(), entry.channel(),
                entry.at(), entry.message()));
    }

    public void insertEvent(Handle handle, AlertEvent event, AlertOutcome outcome, Instant receivedAt) {
        handle.createUpdate("""
                        INSERT INTO events (received_at, integration_key, format, action, dedup_key, alert_id, outcome, body)
                        VALUES (:at, :key, :format, :action, :dedup, :alert, :outcome, :body)""")
                .bind("at", receivedAt.toEpochMilli()).bind("key", event.integrationKey()).bind("format", event.format())
                .bind("action", event.action().wireName()).bind("dedup", event.dedupKey())
                .bind("alert", outcome.alertId()).bind("outcome", outcome.result().name().toLowerCase())
                .bind("body", event.rawBody())
                .execute();
    }

    public void insertChange(Handle handle, ChangeEvent change, Instant receivedAt) {
        handle.createUpdate("""
                        INSERT INTO change_events (service_id, integration_key, received_at, occurred_at, summary, source,
                        details, links) VALUES (:service, :key, :received, :occurred, :summary, :source, :details, :links)""")
                .bind("service", change.serviceId()).bind("key", change.integrationKey())
                .bind("received", receivedAt.toEpochMilli())
                .bind("occurred", (change.occurredAt() == null ? receivedAt : change.occurredAt()).toEpochMilli())
                .bind("summary", change.summary()).bind("source", change.source())
                .bind("details", Rows.toJson(change.details()))
                .bind("links", change.links().isEmpty() ? null : Rows.toJson(change.links()))
                .execute();
    }

    public List<Alert> alerts(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM alerts WHERE incident_id = :id ORDER BY id")
                .bind("id", incidentId).map((rs, ctx) -> Rows.alert(rs)).list();
    }

    public List<TimelineEntry> timeline(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM timeline WHERE incident_id = :id ORDER BY id")
                .bind("id", incidentId)
                .map((rs, ctx) -> new TimelineEntry(rs.getLong("id"), rs.getLong("incident_id"),
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getString("kind"), Actor.parse(rs.getString("actor")),
                        Channel.fromWireName(rs.getString("channel")).orElse(Channel.SYSTEM), rs.getString("message"),
                        Rows.fromJson(rs.getString("data"))))
                .list();
    }

    /** Change events on a service in a time window, newest first: the context shown with its incidents. */
    public List<RecentChange> changes(Handle handle, String serviceId, Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT occurred_at, summary, source, links FROM change_events
                        WHERE service_id = :service AND occurred_at BETWEEN :from AND :to
                        ORDER BY occurred_at DESC LIMIT 20""")
                .bind("service", serviceId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new RecentChange(Instant.ofEpochMilli(rs.getLong("occurred_at")), rs.getString("summary"),
                        rs.getString("source"), Rows.fromJson(rs.getString("links"))))
                .list();
    }

    /** Incidents matching the filter, newest first, after the cursor id (exclusive), at most {@code limit}. */
    public List<Incident> list(Handle handle, IncidentFilter filter, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + INCIDENT_COLUMNS + " FROM incidents i WHERE 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        if (!filter.statuses().isEmpty()) {
            addIn(sql, binds, "status", filter.statuses().stream().map(IncidentStatus::wireName).toList());
        }
        if (!filter.urgencies().isEmpty()) {
            addIn(sql, binds, "urgency", filter.urgencies().stream().map(Urgency::wireName).toList());
        }
        if (filter.serviceIds() != null) addIn(sql, binds, "service_id", filter.serviceIds());
        if (filter.assignedTo() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_assignees a WHERE a.incident_id = i.id AND a.user_id = :assignee)");
            binds.put("assignee", filter.assignedTo());
        }
        if (!filter.held().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_holds h WHERE h.incident_id = i.id AND h.reason IN (");
            for (int index = 0; index < filter.held().size(); index++) {
                sql.append(index == 0 ? ":held" : ", :held").append(index);
                binds.put("held" + index, filter.held().get(index).wireName());
            }
            sql.append("))");
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
            binds.put("before", beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        binds.put("limit", limit);
        Query query = handle.createQuery(sql.toString());
        binds.forEach(query::bind);
        List<Incident> incidents = query.map((rs, ctx) -> Rows.incident(rs, List.of())).list();
        if (incidents.isEmpty()) return incidents;
        Map<Long, List<String>> assignees = assignees(handle, incidents.stream().map(Incident::id).toList());
        List<Incident> result = new ArrayList<>(incidents.size());
        for (Incident incident : incidents) result.add(withAssignees(incident, assignees));
        return result;
    }

    /** Adds {@code AND column IN (...)}; an empty list matches nothing. */
    private static void addIn(StringBuilder sql, Map<String, Object> binds, String column, List<String> values) {
        if (values.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            String name = column + i;
            sql.append(i == 0 ? ":" : ", :").append(name);
            binds.put(name, values.get(i));
        }
        sql.append(')');
    }

    private Map<Long, List<String>> assignees(Handle handle, List<Long> incidentIds) {
        Map<Long, List<String>> byIncident = new HashMap<>();
        handle.createQuery("SELECT incident_id, user_id FROM incident_assignees WHERE incident_id IN (<ids>) ORDER BY user_id")
                .bindList("ids", incidentIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("incident_id"), rs.getString("user_id")))
                .forEach(row -> byIncident.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        return byIncident;
    }

    private static Incident withAssignees(Incident incident, Map<Long, List<String>> assignees) {
        List<String> users = assignees.getOrDefault(incident.id(), List.of());
        return new Incident(incident.id(), incident.serviceId(), incident.title(), incident.status(), incident.urgency(),
                incident.severity(), incident.createdAt(), incident.updatedAt(), incident.acknowledgedAt(),
                incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(), incident.alertCount(),
                incident.openAlerts(), users);
    }
}
