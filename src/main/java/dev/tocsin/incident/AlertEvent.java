package dev.tocsin.incident;

import dev.tocsin.urgency.Severity;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert event in Tocsin's own terms, whatever format it arrived in (PagerDuty v2/v1, Alertmanager,
 * Grafana, generic JSON, heartbeat). The ingest package turns each sender's payload into these; the
 * incident package applies them.
 *
 * @param integrationKey the key that identified the integration (and so the service)
 * @param format         the sender format, e.g. {@code events-v2}, {@code alertmanager} (recorded with the event)
 * @param dedupKey       never null: senders that give none get a generated one
 * @param summary        required for triggers; may be null for acknowledge/resolve
 * @param severity       already mapped to one of the four (unknown values become the integration's default)
 * @param sentSeverity   the severity text as sent, kept for the record when it was mapped
 * @param occurredAt     when the sender says it happened, or null
 * @param details        free-form details as sent (object), or null
 * @param links          links to show with the alert
 * @param rawBody        the event as received (JSON), stored with the accepted event
 */
public record AlertEvent(
        String integrationKey,
        String format,
        AlertAction action,
        String dedupKey,
        String summary,
        Severity severity,
        String sentSeverity,
        String source,
        String component,
        String group,
        String alertClass,
        Instant occurredAt,
        JsonNode details,
        List<Link> links,
        String rawBody) {

    public AlertEvent {
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(severity, "severity");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A link shown with an alert (runbook, dashboard, generator URL). */
    public record Link(String href, String text) {
    }
}
