package dev.tocsin.rules;

import dev.tocsin.incident.AlertEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with fields of the event in it, {@code "{{labels.cluster}}"} or {@code "db-{{details.shard}}"}: the grouping
 * key. Read once per configuration revision; rendering is a few appends.
 */
public record Template(String text, List<Object> parts) {
    public Template {
        parts = List.copyOf(parts);
    }

    /** Reads a template; throws IllegalArgumentException naming an unknown field or an unclosed {@code {{}. */
    public static Template parse(String text) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(text.substring(at));
                break;
            }
            if (open > at) parts.add(text.substring(at, open));
            int close = text.indexOf("}}", open + 2);
            if (close < 0) throw new IllegalArgumentException("'{{' at " + open + " is never closed with '}}'");
            String name = text.substring(open + 2, close).trim();
            parts.add(FieldPath.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown field '" + name
                    + "' in {{…}}; fields are " + String.join(", ", FieldPath.NAMES))));
            at = close + 2;
        }
        return new Template(text, parts);
    }

    /**
     * The text for this event, or null when a field it names is absent: an alert without a cluster label is not
     * grouped with every other alert without one.
     */
    public String render(AlertEvent event) {
        if (parts.size() == 1 && parts.get(0) instanceof FieldPath only) return only.read(event);
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof FieldPath field) {
                String value = field.read(event);
                if (value == null) return null;
                out.append(value);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
