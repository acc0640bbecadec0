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
 * PagerDuty's generic events API v1 ({@code POST /generic/2010-04-15/create_event.json}). v1 has no severity:
 * every event gets the integration's default. Alertmanager's v1 bodies also carry {@code "event_action":""} and
 * {@code "payload":null}; like every unknown field they are ignored.
 */
public final class EventsV1 {
    public static final String FORMAT = "events-v1";

    private EventsV1() {
    }

    public static ParseResult<AlertEvent> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(event -> parse(event, new String(body, StandardCharsets.UTF_8), binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    public static ParseResult<AlertEvent> parse(ObjectNode event, String rawBody, IntegrationBinding binding,
                                                Instant receivedAt) {
        List<String> problems = new ArrayList<>();
        AlertAction action = null;
        String type = Fields.nonBlank(event, "event_type", "event_type", problems);
        if (type == null) {
            problems.add("'event_type' is missing; it must be trigger, acknowledge or resolve");
        } else {
            action = AlertAction.parse(type).orElse(null);
            if (action == null) problems.add("'event_type' must be trigger, acknowledge or resolve (was '" + type + "')");
        }
        int before = problems.size();
        String incidentKey = Fields.dedupKey(event, "incident_key", problems);
        if (incidentKey == null && problems.size() == before && action != null && action != AlertAction.TRIGGER) {
            problems.add("'incident_key' is required for " + action.wireName() + " events");
        }
        String description = Fields.nonBlank(event, "description", "description", problems);
        if (description == null && action == AlertAction.TRIGGER) problems.add("'description' is missing or blank");
        JsonNode details = Fields.absent(event.get("details")) ? null : event.get("details");
        String client = Fields.text(event, "client", "client", problems);
        String clientUrl = Fields.nonBlank(event, "client_url", "client_url", problems);
        List<AlertEvent.Link> links = contextLinks(event, problems);
        if (clientUrl != null) links.add(new AlertEvent.Link(clientUrl, client));

        if (!problems.isEmpty()) return new ParseResult.Invalid<>(problems);
        return new ParseResult.Parsed<>(new AlertEvent(binding.key(), FORMAT, action,
                incidentKey != null ? incidentKey : DedupKeys.generate(),
                Fields.summary(description), SeverityMapping.map(null, binding), null,
                client, null, null, null, null, details, links, rawBody));
    }

    /** {@code contexts[]}: links become alert links; images are kept only in the stored raw event. */
    private static List<AlertEvent.Link> contextLinks(JsonNode event, List<String> problems) {
        List<AlertEvent.Link> links = new ArrayList<>();
        JsonNode contexts = event.get("contexts");
        if (Fields.absent(contexts)) return links;
        if (!contexts.isArray()) {
            problems.add("'contexts' must be an array");
            return links;
        }
        for (int i = 0; i < contexts.size(); i++) {
            JsonNode context = contexts.get(i);
            String path = "contexts[" + i + "]";
            if (!context.isObject()) {
                problems.add("'" + path + "' must be an object");
                continue;
            }
            String type = Fields.nonBlank(context, "type", path + ".type", problems);
            String href = Fields.nonBlank(context, "href", path + ".href", problems);
            String text = Fields.text(context, "text", path + ".text", problems);
            if (type == null) {
                problems.add("'" + path + ".type' is missing; it must be link or image");
            } else if (type.equals("link")) {
                if (href == null) problems.add("'" + path + ".href' is missing or blank");
                else links.add(new AlertEvent.Link(href, text));
            } else if (type.equals("image")) {
                if (Fields.nonBlank(context, "src", path + ".src", problems) == null) {
                    problems.add("'" + path + ".src' is missing or blank");
                }
            } else {
                problems.add("'" + path + ".type' must be link or image (was '" + type + "')");
            }
        }
        return links;
    }
}
