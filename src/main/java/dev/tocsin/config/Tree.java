package dev.tocsin.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Helpers for writing a configured object back as a tree of maps, lists and strings (YAML or JSON shape). */
final class Tree {
    private Tree() {
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    /** Puts free text, protected against re-substitution; leaves nulls out. */
    static void text(Map<String, Object> map, String key, String value) {
        if (value != null) map.put(key, Placeholders.escape(value));
    }

    /** Puts a value that cannot contain a placeholder (ids, numbers, and values written by their toString); leaves nulls out. */
    static void plain(Map<String, Object> map, String key, Object value) {
        if (value != null) map.put(key, value instanceof String || value instanceof Number || value instanceof Boolean ? value : value.toString());
    }

    /** A generated environment variable name for a secret written literally, e.g. TOCSIN_SMTP_PASSWORD. */
    static String secretName(String... parts) {
        StringBuilder name = new StringBuilder("TOCSIN");
        for (String part : parts) {
            if (part == null) continue;
            name.append('_').append(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"));
        }
        return name.toString();
    }
}
