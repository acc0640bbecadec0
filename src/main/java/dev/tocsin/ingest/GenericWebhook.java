package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tocsin's own simple JSON for scripts and tools without a PagerDuty client
 * ({@code POST /integrations/generic/{key}}):
 * {@code {"summary", "severity", "dedup_key", "action": "trigger|acknowledge|resolve", "source", "details"}}.
 * {@code action} defaults to trigger; a trigger without {@code dedup_key} is always a new alert.
 */
public final class GenericWebhook {
    public static final String FORMAT = "generic";

    private GenericWebhook() {
    }

    public static ParseResult<AlertEvent> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(event -> parse(event, new String(body, StandardCharsets.UTF_8), binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    public static ParseResult<AlertEvent> parse(ObjectNode event, String rawBody, IntegrationBinding binding,
                                                Instant receivedAt) {
        List<String> problems = new ArrayList<>();
        String actionText = Fields.nonBlank(event, "action", "action", problems);
        AlertAction action = AlertAction.TRIGGER;
        if (actionText != null) {
            action = AlertAction.parse(actionText).orElse(null);
            if (action == null) problems.add("'action' must be trigger, acknowledge or resolve (was '" + actionText + "')");
        }
        int before = problems.size();
        String dedupKey = Fields.dedupKey(event, "dedup_key", problems);
        if (dedupKey == null && problems.size() == before && action != null && action != AlertAction.TRIGGER) {
            problems.add("'dedup_key' is required for " + action.wireName());
        }
        String summary = Fields.nonBlank(event, "summary", "summary", problems);
        if (summary == null && action == AlertAction.TRIGGER) problems.add("'summary' is missing or blank");
        String severity = Fields.nonBlank(event, "severity", "severity", problems);
        String source = Fields.nonBlank(event, "source", "source", problems);
        JsonNode details = Fields.absent(event.get("details")) ? null : event.get("details");

        if (!problems.isEmpty()) return new ParseResult.Invalid<>(problems);
        return new ParseResult.Parsed<>(new AlertEvent(binding.key(), FORMAT, action,
                dedupKey != null ? dedupKey : DedupKeys.generate(), Fields.summary(summary),
                SeverityMapping.map(severity, binding), severity, source, null, null, null, null,
                details, List.of(), rawBody));
    }
}
