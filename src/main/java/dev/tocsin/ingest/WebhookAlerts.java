package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert list that Alertmanager's webhook (version 4) and Grafana's webhook (version 1) share: one
 * {@link AlertEvent} per alert, keyed by fingerprint; {@code status}, never {@code endsAt}, says firing or
 * resolved (firing alerts carry {@code 0001-01-01T00:00:00Z} or a future {@code endsAt}).
 */
final class WebhookAlerts {
    /** Per-alert fields a format adds to the details and links (Grafana's dashboard and panel URLs). */
    interface Extras {
        void addTo(JsonNode alert, ObjectNode details, List<AlertEvent.Link> links, String path, List<String> problems);
    }

    private WebhookAlerts() {
    }

    static ParseResult<List<AlertEvent>> parse(ObjectNode body, IntegrationBinding binding, String format,
                                               String fallbackSummary, Extras extras) {
        List<String> problems = new ArrayList<>();
        JsonNode alerts = body.get("alerts");
        List<AlertEvent> events = new ArrayList<>();
        if (alerts == null || !alerts.isArray()) {
            problems.add("'alerts' is missing or not an array");
            return new ParseResult.Invalid<>(problems);
        }
        for (int i = 0; i < alerts.size(); i++) {
            AlertEvent event = alert(alerts.get(i), "alerts[" + i + "]", binding, format, fallbackSummary, extras, problems);
            if (event != null) events.add(event);
        }
        return ParseResult.of(events, problems);
    }

    private static AlertEvent alert(JsonNode alert, String path, IntegrationBinding binding, String format,
                                    String fallbackSummary, Extras extras, List<String> problems) {
        if (!alert.isObject()) {
            problems.add("'" + path + "' must be an object");
            return null;
        }
        int before = problems.size();
        String status = Fields.nonBlank(alert, "status", path + ".status", problems);
        AlertAction action = null;
        if ("firing".equals(status)) action = AlertAction.TRIGGER;
        else if ("resolved".equals(status)) action = AlertAction.RESOLVE;
        else problems.add("'" + path + ".status' must be firing or resolved (was " + (status == null ? "missing" : "'" + status + "'") + ")");
        JsonNode labels = Fields.optionalObject(alert, "labels", path + ".labels", problems);
        JsonNode annotations = Fields.optionalObject(alert, "annotations", path + ".annotations", problems);
        String fingerprint = Fields.nonBlank(alert, "fingerprint", path + ".fingerprint", problems);
        String generatorUrl = Fields.nonBlank(alert, "generatorURL", path + ".generatorURL", problems);
        Instant startsAt = Fields.timestamp(alert, "startsAt", path + ".startsAt", problems);
        Instant endsAt = Fields.timestamp(alert, "endsAt", path + ".endsAt", problems);

        ObjectNode details = Fields.newObject();
        details.set("labels", labels == null ? Fields.newObject() : labels);
        details.set("annotations", annotations == null ? Fields.newObject() : annotations);
        if (generatorUrl != null) details.put("generatorURL", generatorUrl);
        List<AlertEvent.Link> links = new ArrayList<>();
        if (generatorUrl != null) links.add(new AlertEvent.Link(generatorUrl, "Source"));
        extras.addTo(alert, details, links, path, problems);
        if (problems.size() > before) return null;

        String summary = first(value(annotations, "summary"),
                value(annotations, "description"),
                value(labels, "alertname"), fallbackSummary,
                format + " alert " + (fingerprint != null ? fingerprint : ""));
        String sentSeverity = value(labels, "severity");
        String source = first(value(labels, "instance"), value(labels, "job"), format);
        return new AlertEvent(binding.key(), format, action,
                fingerprint != null ? fingerprint : DedupKeys.ofLabels(labels),
                Fields.summary(summary), SeverityMapping.map(sentSeverity, binding), sentSeverity, source,
                value(labels, "job"), null, value(labels, "alertname"),
                action == AlertAction.RESOLVE && endsAt != null ? endsAt : startsAt,
                details, links, alert.toString());
    }

    /** A label or annotation value; values are strings by Alertmanager's definition, anything else is ignored. */
    private static String value(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) if (candidate != null && !candidate.isBlank()) return candidate;
        return null;
    }
}
