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
 * PagerDuty Events API v2 alert events ({@code POST /v2/enqueue}). The routing key is checked by the endpoint;
 * this reads everything else of the event.
 */
public final class EventsV2 {
    public static final String FORMAT = "events-v2";

    private EventsV2() {
    }

    public static ParseResult<AlertEvent> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(event -> parse(event, new String(body, StandardCharsets.UTF_8), binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    public static ParseResult<AlertEvent> parse(ObjectNode event, String rawBody, IntegrationBinding binding,
                                                Instant receivedAt) {
        List<String> problems = new ArrayList<>();
        AlertAction action = action(event, problems);
        int before = problems.size();
        String dedupKey = Fields.dedupKey(event, "dedup_key", problems);
        if (dedupKey == null && problems.size() == before && action != null && action != AlertAction.TRIGGER) {
            problems.add("'dedup_key' is required for " + action.wireName() + " events");
        }

        JsonNode payload = event.get("payload");
        boolean trigger = action == AlertAction.TRIGGER;
        if (Fields.absent(payload)) {
            if (trigger) problems.add("'payload' is missing");
            payload = null;
        } else if (!payload.isObject()) {
            problems.add("'payload' must be an object");
            payload = null;
        }
        String summary = Fields.nonBlank(payload, "summary", "payload.summary", problems);
        String source = Fields.nonBlank(payload, "source", "payload.source", problems);
        if (trigger && payload != null) {
            if (summary == null) problems.add("'payload.summary' is missing or blank");
            if (source == null) problems.add("'payload.source' is missing or blank");
        }
        String sentSeverity = Fields.nonBlank(payload, "severity", "payload.severity", problems);
        Instant timestamp = Fields.timestamp(payload, "timestamp", "payload.timestamp", problems);
        String component = Fields.text(payload, "component", "payload.component", problems);
        String group = Fields.text(payload, "group", "payload.group", problems);
        String alertClass = Fields.text(payload, "class", "payload.class", problems);
        JsonNode details = payload == null || Fields.absent(payload.get("custom_details")) ? null : payload.get("custom_details");

        List<AlertEvent.Link> links = Fields.links(event, "links", problems);
        String client = Fields.text(event, "client", "client", problems);
        String clientUrl = Fields.nonBlank(event, "client_url", "client_url", problems);
        if (clientUrl != null) links.add(new AlertEvent.Link(clientUrl, client));
        JsonNode images = event.get("images");
        if (!Fields.absent(images) && !images.isArray()) problems.add("'images' must be an array");

        if (!problems.isEmpty()) return new ParseResult.Invalid<>(problems);
        return new ParseResult.Parsed<>(new AlertEvent(binding.key(), FORMAT, action,
                dedupKey != null ? dedupKey : DedupKeys.generate(),
                Fields.summary(summary), SeverityMapping.map(sentSeverity, binding), sentSeverity,
                source, component, group, alertClass, timestamp, details, links, rawBody));
    }

    private static AlertAction action(JsonNode event, List<String> problems) {
        String text = Fields.nonBlank(event, "event_action", "event_action", problems);
        if (text == null) {
            problems.add("'event_action' is missing; it must be trigger, acknowledge or resolve");
            return null;
        }
        return AlertAction.parse(text).orElseGet(() -> {
            problems.add("'event_action' must be trigger, acknowledge or resolve (was '" + text + "')");
            return null;
        });
    }
}
