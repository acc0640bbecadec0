package dev.tocsin.escalation;

import java.time.Instant;

/**
 * One person currently paged for an incident: at which level and round of the policy, since when, and why
 * ({@code "on call in schedule:platform-primary"}). What the incident shows as "who is paged and why".
 *
 * @param level  1-based level of the policy
 * @param round  1-based round of the policy (2 and up once it repeats)
 * @param target      the target that reached the person
 * @param unreachable every contact method of the person failed (or they have none)
 */
public record Page(String user, int level, int round, Target target, String reason, Instant pagedAt, boolean unreachable) {
    public Page(String user, int level, int round, Target target, String reason, Instant pagedAt) {
        this(user, level, round, target, reason, pagedAt, false);
    }

    Page markedUnreachable() {
        return new Page(user, level, round, target, reason, pagedAt, true);
    }

    /** {@code alice at level 1, round 1, since 2026-12-24T02:00:00Z: on call in schedule:platform-primary}. */
    public String describe() {
        return user + " at level " + level + ", round " + round + ", since " + pagedAt + ": " + reason
                + (unreachable ? " (cannot be reached)" : "");
    }
}
