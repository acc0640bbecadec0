package dev.tocsin.incident;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A change on an incident's service around the time it opened (a deploy), shown as context in its views. */
public record RecentChange(Instant at, String summary, String source, JsonNode links) {
}
