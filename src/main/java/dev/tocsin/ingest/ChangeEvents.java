package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.ChangeEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** PagerDuty change events ({@code POST /v2/change/enqueue}): context for a service's incidents, never a page. */
public final class ChangeEvents {
    private ChangeEvents() {
    }

    public static ParseResult<ChangeEvent> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(event -> parse(event, binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    /** @param receivedAt used as the change's time when the sender gives no {@code payload.timestamp} */
    public static ParseResult<ChangeEvent> parse(ObjectNode event, IntegrationBinding binding, Instant receivedAt) {
        List<String> problems = new ArrayList<>();
        JsonNode payload = event.get("payload");
        if (Fields.absent(payload)) {
            problems.add("'payload' is missing");
            payload = null;
        } else if (!payload.isObject()) {
            problems.add("'payload' must be an object");
            payload = null;
        }
        String summary = Fields.nonBlank(payload, "summary", "payload.summary", problems);
        if (payload != null && summary == null) problems.add("'payload.summary' is missing or blank");
        String source = Fields.nonBlank(payload, "source", "payload.source", problems);
        Instant timestamp = Fields.timestamp(payload, "timestamp", "payload.timestamp", problems);
        JsonNode details = payload == null || Fields.absent(payload.get("custom_details")) ? null : payload.get("custom_details");
        List<AlertEvent.Link> links = Fields.links(event, "links", problems);

        if (!problems.isEmpty()) return new ParseResult.Invalid<>(problems);
        return new ParseResult.Parsed<>(new ChangeEvent(binding.key(), binding.serviceId(), Fields.summary(summary),
                source, timestamp != null ? timestamp : receivedAt, details, links));
    }
}
