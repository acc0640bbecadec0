package dev.tocsin.incident;

import dev.tocsin.urgency.Severity;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One alert from a monitoring system, identified by its dedup key on its integration. While it is open,
 * further triggers with the same key are counted on it instead of opening anything new.
 */
public record Alert(
        long id,
        long incidentId,
        String serviceId,
        String integrationKey,
        String dedupKey,
        boolean open,
        String summary,
        Severity severity,
        String source,
        String component,
        String group,
        String alertClass,
        JsonNode details,
        List<AlertEvent.Link> links,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        int eventCount,
        Instant lastEventAt) {
}
