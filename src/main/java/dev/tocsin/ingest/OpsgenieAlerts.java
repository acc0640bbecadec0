package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opsgenie's Alert API bodies ({@code POST /v2/alerts} and the actions below it) read into Tocsin's events.
 * Problems are keyed by field, as Opsgenie's 422 lists them ({@code "errors":{"message":"…"}}). {@code message}
 * and {@code alias} over Opsgenie's limits are refused (a cut alias could merge two alerts); the other texts are cut
 * to Opsgenie's limits instead, like Tocsin's summaries: a sender's template that grew too long (Alertmanager's
 * default description lists every alert of the group) must still page someone. The raw body keeps everything.
 */
public final class OpsgenieAlerts {
    public static final String FORMAT = "opsgenie";
    /** Opsgenie's limit for {@code message}, in characters (Alertmanager cuts its message to 130 runes). */
    public static final int MAX_MESSAGE_CHARS = 130;
    static final int MAX_ALIAS_CHARS = 512;
    static final int MAX_DESCRIPTION_CHARS = 15_000;
    static final int MAX_ENTITY_CHARS = 512;
    static final int MAX_SOURCE_CHARS = 100;
    static final int MAX_USER_CHARS = 100;
    static final int MAX_CREATE_NOTE_CHARS = 25_000;
    /** Opsgenie's priority when none is sent. */
    static final String DEFAULT_PRIORITY = "P3";

    private static final Logger log = LoggerFactory.getLogger(OpsgenieAlerts.class);
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "P5");

    private OpsgenieAlerts() {
    }

    /** What an acknowledge, close or notes body says: {@code user}, {@code source}, {@code note}, all optional. */
    public record ActionBody(String user, String source, String note) {
    }

    /** Problems by field, in the order found. */
    public static final class Problems {
        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String problem) {
            byField.putIfAbsent(field, problem);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        /** In the order found. */
        public Map<String, String> byField() {
            return java.util.Collections.unmodifiableMap(byField);
        }
    }

    /** A create body as a trigger; {@code alias} (or a fresh key when there is none) is the dedup key. */
    public static AlertEvent create(ObjectNode body, String rawBody, IntegrationBinding binding, Problems problems) {
        String message = text(body, "message", MAX_MESSAGE_CHARS, true, problems);
        // putIfAbsent: a message that was too long or not a string keeps that, more precise, problem
        if (message == null || message.isBlank()) problems.add("message", "Message can not be empty.");
        String alias = text(body, "alias", MAX_ALIAS_CHARS, true, problems);
        String description = text(body, "description", MAX_DESCRIPTION_CHARS, false, problems);
        String entity = text(body, "entity", MAX_ENTITY_CHARS, false, problems);
        String source = text(body, "source", MAX_SOURCE_CHARS, false, problems);
        String user = text(body, "user", MAX_USER_CHARS, false, problems);
        String note = text(body, "note", MAX_CREATE_NOTE_CHARS, false, problems);
        String sentPriority = text(body, "priority", Integer.MAX_VALUE, false, problems);
        ArrayNode tags = strings(body, "tags", problems);
        ArrayNode actions = strings(body, "actions", problems);
        ObjectNode details = details(body, problems);
        JsonNode responders = list(body, "responders", problems);
        JsonNode visibleTo = list(body, "visibleTo", problems);
        if (!problems.isEmpty()) return null;

        String priority = priority(sentPriority, binding);
        ObjectNode kept = Fields.newObject();
        if (description != null) kept.put("description", description);
        kept.put("priority", priority);
        if (details != null) kept.set("details", details);
        if (tags != null) kept.set("tags", tags);
        if (entity != null) kept.put("entity", entity);
        if (responders != null) kept.set("responders", responders);
        if (visibleTo != null) kept.set("visibleTo", visibleTo);
        if (actions != null) kept.set("actions", actions);
        if (user != null) kept.put("user", user);
        if (note != null) kept.put("note", note);
        String dedupKey = alias != null && !alias.isBlank() ? alias : DedupKeys.generate();
        return new AlertEvent(binding.key(), FORMAT, AlertAction.TRIGGER, dedupKey, Fields.summary(message.strip()),
                severityOf(priority, binding), sentPriority, blankToNull(source), blankToNull(entity), null, null, null,
                kept, List.of(), rawBody);
    }

    /** An acknowledge, close or notes body; an empty body is an empty action. */
    public static ActionBody action(ObjectNode body, int maxNoteChars, Problems problems) {
        if (body == null) return new ActionBody(null, null, null);
        String user = text(body, "user", MAX_USER_CHARS, false, problems);
        String source = text(body, "source", MAX_SOURCE_CHARS, false, problems);
        String note = text(body, "note", maxNoteChars, true, problems);
        return new ActionBody(blankToNull(user), blankToNull(source), blankToNull(note));
    }

    /** The acknowledge or close of the alert with {@code dedupKey}, as any other sender's event. */
    public static AlertEvent act(AlertAction action, String dedupKey, ActionBody body, String rawBody,
                                 IntegrationBinding binding) {
        Severity severity = binding.defaultSeverity() == null ? IntegrationBinding.DEFAULT_SEVERITY : binding.defaultSeverity();
        return new AlertEvent(binding.key(), FORMAT, action, dedupKey, null, severity, null, body.source(), null, null,
                null, null, null, List.of(), rawBody);
    }

    /**
     * Opsgenie's priority decides urgency: one of the integration's {@code high_priorities} pages with high urgency
     * (as severity critical for P1, error otherwise), any other with low (info for P5, warning otherwise).
     */
    static Severity severityOf(String priority, IntegrationBinding binding) {
        // The configuration fills in the default [P1, P2]; an empty list, set on purpose, pages everything low.
        if (binding.highPriorities().contains(priority)) return priority.equals("P1") ? Severity.CRITICAL : Severity.ERROR;
        return priority.equals("P5") ? Severity.INFO : Severity.WARNING;
    }

    /**
     * P1–P5 (any case); missing is Opsgenie's default P3. Anything else is also P3, logged, never refused: the
     * priority is often a template in the sender (Alertmanager's {@code priority: '{{ … }}'}) and a page must not
     * be lost to it. The text as sent is kept on the event.
     */
    static String priority(String sent, IntegrationBinding binding) {
        if (sent == null || sent.isBlank()) return DEFAULT_PRIORITY;
        String priority = sent.trim().toUpperCase(java.util.Locale.ROOT);
        if (PRIORITIES.contains(priority)) return priority;
        log.debug("integration {}: priority '{}' is not one of P1-P5; using {}", binding.key(), sent, DEFAULT_PRIORITY);
        return DEFAULT_PRIORITY;
    }

    /**
     * A string field of at most {@code max} characters (code points, as Opsgenie and Alertmanager count them):
     * longer is a problem if {@code strict}, else cut.
     */
    private static String text(JsonNode body, String field, int max, boolean strict, Problems problems) {
        JsonNode node = body.get(field);
        if (Fields.absent(node)) return null;
        if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
            problems.add(field, field + " must be a string.");
            return null;
        }
        String text = node.asText();
        if (Utf8.unpairedSurrogate(text) >= 0) {
            problems.add(field, field + " contains an unpaired surrogate, which is not text.");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length <= max) return text;
        if (!strict) return text.substring(0, text.offsetByCodePoints(0, max));
        problems.add(field, field + " can not be longer than " + max + " characters (was " + length + ").");
        return null;
    }

    /** A list of strings ({@code tags}, {@code actions}); Opsgenie's count limits are not enforced. */
    private static ArrayNode strings(JsonNode body, String field, Problems problems) {
        JsonNode node = body.get(field);
        if (Fields.absent(node)) return null;
        if (!node.isArray()) {
            problems.add(field, field + " must be a list of strings.");
            return null;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isValueNode() || node.get(i).isNull()) {
                problems.add(field, field + "[" + i + "] must be a string.");
                return null;
            }
        }
        return (ArrayNode) node;
    }

    /** {@code details}: string values (numbers and booleans as their text); Opsgenie's 8,000-character total is not enforced. */
    private static ObjectNode details(JsonNode body, Problems problems) {
        JsonNode node = body.get("details");
        if (Fields.absent(node)) return null;
        if (!node.isObject()) {
            problems.add("details", "details must be an object of string values.");
            return null;
        }
        ObjectNode details = Fields.newObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (!value.isValueNode()) {
                problems.add("details", "details." + entry.getKey() + " must be a string.");
                return null;
            }
            details.put(entry.getKey(), value.isNull() ? "" : value.asText());
        }
        return details;
    }

    private static JsonNode list(JsonNode body, String field, Problems problems) {
        JsonNode node = body.get(field);
        if (Fields.absent(node)) return null;
        if (!node.isArray()) {
            problems.add(field, field + " must be a list.");
            return null;
        }
        return node;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
