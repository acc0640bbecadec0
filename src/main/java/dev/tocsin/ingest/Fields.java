package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.incident.AlertEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient readers for fields of sender payloads. Each reader either returns the value or adds one line to
 * {@code problems} naming the field, so a parser can report every problem of a body at once.
 */
final class Fields {
    /** PagerDuty's limit for summaries and descriptions. */
    static final int MAX_SUMMARY_CHARS = 1024;
    /** PagerDuty's limit for dedup keys and incident keys. */
    static final int MAX_DEDUP_KEY_CHARS = 255;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** {@code 0001-01-01T00:00:00Z}: Go's zero {@code time.Time}, "no time" in Alertmanager's and Grafana's payloads. */
    static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Fields() {
    }

    /** The body as a JSON object, or empty if it is not valid JSON or not an object. */
    static Optional<ObjectNode> object(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * A scalar field as text: strings as they are, numbers and booleans in their JSON form (senders template
     * these fields and do not always quote them). Objects and arrays are a problem. Absent gives null.
     */
    static String text(JsonNode parent, String field, String path, List<String> problems) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (absent(node)) return null;
        if (node.isValueNode()) {
            String text = node.asText();
            int surrogate = Utf8.unpairedSurrogate(text);
            if (surrogate < 0) return text;
            problems.add("'" + path + "' contains an unpaired surrogate (\\u" + Integer.toHexString(text.charAt(surrogate))
                    + " at character " + surrogate + "), which is not text and cannot be stored as sent");
            return null;
        }
        problems.add("'" + path + "' must be a string");
        return null;
    }

    /** Like {@link #text} but blank counts as absent. */
    static String nonBlank(JsonNode parent, String field, String path, List<String> problems) {
        String value = text(parent, field, path, problems);
        return value == null || value.isBlank() ? null : value;
    }

    /** An optional object field; absent gives null, anything but an object is a problem. */
    static JsonNode optionalObject(JsonNode parent, String field, String path, List<String> problems) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (absent(node)) return null;
        if (node.isObject()) return node;
        problems.add("'" + path + "' must be an object");
        return null;
    }

    /** An optional timestamp; an unreadable one is a problem. */
    static Instant timestamp(JsonNode parent, String field, String path, List<String> problems) {
        String value = text(parent, field, path, problems);
        if (value == null || value.isBlank()) return null;
        Optional<Instant> parsed = Timestamps.parse(value);
        if (parsed.isEmpty()) {
            problems.add("'" + path + "' is not an ISO 8601 timestamp (was '" + value + "')");
            return null;
        }
        // Go's zero time, which Alertmanager and Grafana send as the endsAt of a firing alert, means "none".
        if (parsed.get().equals(GO_ZERO_TIME)) return null;
        if (!dev.tocsin.time.Instants.inRange(parsed.get())) {
            problems.add("'" + path + "' " + dev.tocsin.time.Instants.rangeProblem() + " (was '" + value + "')");
            return null;
        }
        return parsed.get();
    }

    /** A dedup key as sent (null when absent or blank); too long is a problem. */
    static String dedupKey(JsonNode parent, String field, List<String> problems) {
        String key = nonBlank(parent, field, field, problems);
        if (key != null && key.length() > MAX_DEDUP_KEY_CHARS) {
            problems.add("'" + field + "' is longer than " + MAX_DEDUP_KEY_CHARS + " characters");
            return null;
        }
        return key;
    }

    /**
     * A summary cut to {@link #MAX_SUMMARY_CHARS}. Cut, not rejected: a sender's template that grew too long
     * must still page someone, and the full text stays in the stored raw event.
     */
    static String summary(String text) {
        if (text == null || text.length() <= MAX_SUMMARY_CHARS) return text;
        return text.substring(0, MAX_SUMMARY_CHARS);
    }

    /** PagerDuty's {@code links[]}: {@code {href, text?}}. */
    static List<AlertEvent.Link> links(JsonNode parent, String field, List<String> problems) {
        JsonNode node = parent == null ? null : parent.get(field);
        List<AlertEvent.Link> links = new ArrayList<>();
        if (absent(node)) return links;
        if (!node.isArray()) {
            problems.add("'" + field + "' must be an array");
            return links;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode link = node.get(i);
            String path = field + "[" + i + "]";
            if (!link.isObject()) {
                problems.add("'" + path + "' must be an object");
                continue;
            }
            String href = nonBlank(link, "href", path + ".href", problems);
            String text = text(link, "text", path + ".text", problems);
            if (href == null) problems.add("'" + path + ".href' is missing or blank");
            else links.add(new AlertEvent.Link(href, text));
        }
        return links;
    }
}
