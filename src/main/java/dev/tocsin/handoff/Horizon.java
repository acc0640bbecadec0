package dev.tocsin.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of time one run of the handoff job looks at. A notice is written when the moment it is due
 * falls in {@code (now - grace, now + ahead]}: runs overlap (the job runs every minute and looks a few minutes
 * ahead) and the outbox's dedup key keeps each notice to one, while {@code grace} lets a run after a short
 * outage still tell about a handoff that just happened instead of skipping it.
 */
public record Horizon(Instant now, Duration ahead, Duration grace) {
    public static final Duration DEFAULT_AHEAD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

    public static Horizon at(Instant now) {
        return new Horizon(now, DEFAULT_AHEAD, DEFAULT_GRACE);
    }

    public Instant from() {
        return now.minus(grace);
    }

    public Instant until() {
        return now.plus(ahead);
    }

    /** True if a notice due at {@code moment} belongs to this run. */
    public boolean covers(Instant moment) {
        return moment.isAfter(from()) && !moment.isAfter(until());
    }
}
