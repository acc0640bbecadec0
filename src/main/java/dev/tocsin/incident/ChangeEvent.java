package dev.tocsin.incident;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A change on a service (a deploy, a config push): shown as context on the service's incidents, never pages.
 *
 * @param occurredAt when the change happened (the sender's timestamp, or the receive time)
 */
public record ChangeEvent(String integrationKey, String serviceId, String summary, String source,
                          Instant occurredAt, JsonNode details, List<AlertEvent.Link> links) {
    public ChangeEvent {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
