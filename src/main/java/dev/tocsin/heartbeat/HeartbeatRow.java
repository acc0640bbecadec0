package dev.tocsin.heartbeat;

import java.time.Instant;

/**
 * The stored runtime state of one heartbeat (table {@code heartbeats}).
 *
 * @param startedAt  when the server first saw the heartbeat: the clock of one that never pinged starts here
 * @param lastPingAt the last ping, or null
 * @param dueAt      the deadline the pending timer fires at
 * @param incidentId the incident opened when it expired, until the next ping; else null
 * @param expiredAt  when it last expired, or null
 */
public record HeartbeatRow(String heartbeatId, HeartbeatState state, Instant startedAt, Instant lastPingAt, Instant dueAt,
                           long pings, Long incidentId, Instant expiredAt) {
    /** When the clock last (re)started: the last ping, or when the server first saw the heartbeat. */
    public Instant clockStart() {
        return lastPingAt == null ? startedAt : lastPingAt;
    }
}
