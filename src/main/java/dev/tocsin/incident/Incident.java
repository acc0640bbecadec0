package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.urgency.Severity;
import java.time.Instant;
import java.util.List;

/**
 * An incident: something on a service that needs a person. It groups the alerts that opened or joined it,
 * has a short human number ({@code #123}, which is also its id) and a timeline of everything that happened.
 */
public record Incident(
        long id,
        String serviceId,
        String title,
        IncidentStatus status,
        Urgency urgency,
        Severity severity,
        Instant createdAt,
        Instant updatedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        int alertCount,
        int openAlerts,
        List<String> assignees) {

    public Incident {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    /** The number people say and type: {@code #123}. */
    @com.fasterxml.jackson.annotation.JsonProperty("number")
    public String number() {
        return "#" + id;
    }

    Incident withStatus(IncidentStatus newStatus, Instant at, String by) {
        return switch (newStatus) {
            case ACKNOWLEDGED -> new Incident(id, serviceId, title, newStatus, urgency, severity, createdAt, at,
                    at, by, resolvedAt, resolvedBy, alertCount, openAlerts, assignees);
            case RESOLVED -> new Incident(id, serviceId, title, newStatus, urgency, severity, createdAt, at,
                    acknowledgedAt, acknowledgedBy, at, by, alertCount, openAlerts, assignees);
            case TRIGGERED -> new Incident(id, serviceId, title, newStatus, urgency, severity, createdAt, at,
                    null, null, null, null, alertCount, openAlerts, assignees);
        };
    }
}
