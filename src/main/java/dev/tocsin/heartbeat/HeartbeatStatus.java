package dev.tocsin.heartbeat;

import dev.tocsin.time.Durations;

import java.time.Instant;

/**
 * A heartbeat as the API shows it: its configuration (key never shown, only whether one is required) and its
 * state. {@code state} is {@code never} (no ping yet), {@code ok} (pinged in time) or {@code expired} (silent past
 * {@code due_at}; {@code incident_id} is the incident that opened).
 */
public record HeartbeatStatus(String id, String name, String description, String service, String interval, String grace,
                              boolean keyRequired, String state, Instant watchedSince, Instant lastPingAt, Instant dueAt,
                              long pings, Long incidentId, Instant expiredAt) {
    static HeartbeatStatus of(Heartbeat heartbeat, HeartbeatRow row) {
        return new HeartbeatStatus(heartbeat.id(), heartbeat.displayName(), heartbeat.description(), heartbeat.serviceId(),
                Durations.format(heartbeat.interval()), Durations.format(heartbeat.grace()), heartbeat.key() != null,
                row == null ? HeartbeatState.NEVER.wireName() : row.state().wireName(),
                row == null ? null : row.startedAt(), row == null ? null : row.lastPingAt(),
                row == null ? null : row.dueAt(), row == null ? 0 : row.pings(),
                row == null ? null : row.incidentId(), row == null ? null : row.expiredAt());
    }
}
