package dev.tocsin.followup;

import java.time.Instant;

/**
 * Something to do about a recurring alert ("raise the disk threshold", "make this a ticket"), kept until it is closed.
 * It belongs to an alert key (the integration and dedup key); {@code incidentId} is the incident it was raised from.
 */
public record FollowUp(long id, String serviceId, String dedupKey, String title, long incidentId, String createdBy,
                       Instant createdAt, Instant closedAt, String closedBy) {
    public boolean open() {
        return closedAt == null;
    }
}
