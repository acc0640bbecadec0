package dev.tocsin.maintenance;

import java.time.Instant;

/**
 * A time during which a service (or every service of a team) pages nobody: alerts are still recorded and open
 * incidents, but they are held back until the window ends, when those still firing page normally.
 *
 * @param serviceId the service it silences, or null when it silences a team's services
 * @param teamId    the team whose services it silences, or null
 * @param endedAt   when it was ended early (or cancelled before it began), else null
 */
public record MaintenanceWindow(long id, String serviceId, String teamId, Instant from, Instant to, String reason,
                                String createdBy, Instant createdAt, Instant endedAt, String endedBy) {
    /** When it ends (or ended): early if someone ended it, else as planned. */
    public Instant end() {
        return endedAt != null && endedAt.isBefore(to) ? endedAt : to;
    }

    public boolean activeAt(Instant at) {
        return !from.isAfter(at) && end().isAfter(at);
    }

    /** {@code service:customer-api} or {@code team:platform}. */
    public String scope() {
        return serviceId != null ? "service:" + serviceId : "team:" + teamId;
    }

    /** {@code current}, {@code upcoming} or {@code ended}, at {@code at}. */
    public String state(Instant at) {
        if (!end().isAfter(at)) return "ended";
        return from.isAfter(at) ? "upcoming" : "current";
    }
}
