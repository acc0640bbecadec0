package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Dedup keys Tocsin makes when a sender gives none. */
final class DedupKeys {
    private DedupKeys() {
    }

    /** A fresh 32-hex-char key, so a trigger without a dedup key is always a new alert. */
    static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Hex SHA-256 of the labels sorted by name: the same label set always gives the same key. */
    static String ofLabels(JsonNode labels) {
        Map<String, String> sorted = new TreeMap<>();
        if (labels != null && labels.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> label = it.next();
                sorted.put(label.getKey(), label.getValue().asText());
            }
        }
        StringBuilder canonical = new StringBuilder();
        sorted.forEach((name, value) -> canonical.append(name).append('\u0000').append(value).append('\u0000'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
