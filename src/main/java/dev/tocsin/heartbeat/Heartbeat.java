package dev.tocsin.heartbeat;

import dev.tocsin.secret.Secret;

import java.time.Duration;
import java.time.Instant;

/**
 * A configured heartbeat: something (a cron job, a monitoring system) promises to ping Tocsin at least every
 * {@code interval}; when no ping arrives within {@code interval + grace}, an incident opens on {@code serviceId}.
 *
 * @param name        display name, or null (the id is shown then)
 * @param description free text, or null
 * @param key         if set, a ping must present it ({@code ?key=} or {@code Authorization: Bearer}); else null
 */
public record Heartbeat(String id, String name, String description, String serviceId, Duration interval, Duration grace,
                        Secret key) {
    /** The grace added to the interval when none is configured: covers a late cron start or a slow network. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
    /** Shorter intervals would page on ordinary network jitter. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    /** A monthly job plus a few days' slack; longer promises are not heartbeats. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(35);
    public static final Duration MIN_GRACE = Duration.ofSeconds(1);
    public static final Duration MAX_GRACE = Duration.ofDays(7);

    /** The name shown in incident titles and the API: the configured name, or the id. */
    public String displayName() {
        return name == null ? id : name;
    }

    /** How long after the last ping (or the start of the clock) the heartbeat expires. */
    public Duration window() {
        return interval.plus(grace);
    }

    /** The deadline for a ping when the clock (re)started at {@code from}. */
    public Instant deadlineAfter(Instant from) {
        return from.plus(window());
    }
}
