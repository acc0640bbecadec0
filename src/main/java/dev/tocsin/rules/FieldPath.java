package dev.tocsin.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.AlertEvent;

import java.util.List;
import java.util.Optional;

/**
 * A field of an alert event a rule can look at: {@code summary}, {@code source}, {@code severity},
 * {@code component}, {@code group}, {@code class}, {@code dedup_key}, {@code format}, or a path into the details:
 * {@code details.cluster}, and the shorthands {@code labels.x} / {@code annotations.x} for
 * {@code details.labels.x} / {@code details.annotations.x} (where Alertmanager and Grafana put them).
 */
public record FieldPath(String text, Top top, List<String> path) {
    public enum Top { SUMMARY, SOURCE, SEVERITY, COMPONENT, GROUP, CLASS, DEDUP_KEY, FORMAT, DETAILS }

    public static final List<String> NAMES = List.of("summary", "source", "severity", "component", "group", "class",
            "dedup_key", "format", "details.<path>", "labels.<name>", "annotations.<name>");

    public FieldPath {
        path = List.copyOf(path);
    }

    /** Reads a field name, or empty if it names no field. */
    public static Optional<FieldPath> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String[] parts = text.split("\\.", -1);
        for (String part : parts) if (part.isEmpty()) return Optional.empty();
        String head = parts[0];
        List<String> rest = List.of(parts).subList(1, parts.length);
        return switch (head) {
            case "details" -> Optional.of(new FieldPath(text, Top.DETAILS, rest));
            case "labels", "annotations" -> rest.isEmpty() ? Optional.empty()
                    : Optional.of(new FieldPath(text, Top.DETAILS, List.of(parts)));
            default -> {
                if (parts.length != 1) yield Optional.empty();
                Top top = switch (head) {
                    case "summary" -> Top.SUMMARY;
                    case "source" -> Top.SOURCE;
                    case "severity" -> Top.SEVERITY;
                    case "component" -> Top.COMPONENT;
                    case "group" -> Top.GROUP;
                    case "class" -> Top.CLASS;
                    case "dedup_key" -> Top.DEDUP_KEY;
                    case "format" -> Top.FORMAT;
                    default -> null;
                };
                yield top == null ? Optional.empty() : Optional.of(new FieldPath(text, top, List.of()));
            }
        };
    }

    /** The field's text in the event, or null when absent; numbers and booleans as written in JSON. */
    public String read(AlertEvent event) {
        return switch (top) {
            case SUMMARY -> event.summary();
            case SOURCE -> event.source();
            case SEVERITY -> event.severity().wireName();
            case COMPONENT -> event.component();
            case GROUP -> event.group();
            case CLASS -> event.alertClass();
            case DEDUP_KEY -> event.dedupKey();
            case FORMAT -> event.format();
            case DETAILS -> detail(event.details());
        };
    }

    private String detail(JsonNode details) {
        JsonNode node = details;
        for (String segment : path) {
            if (node == null) return null;
            node = node.isArray() && isIndex(segment) ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 6) return false;
        for (int i = 0; i < segment.length(); i++) if (!Character.isDigit(segment.charAt(i))) return false;
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
