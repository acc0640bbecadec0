package dev.tocsin.escalation;

import java.time.Instant;

/**
 * What the pure escalation core asks its caller to do. The caller (the durable engine, or the simulation on a
 * virtual clock) carries these out in order; the core itself sends nothing and stores nothing.
 */
public sealed interface EscalationEffect {
    /** Start the person's notification rules for this incident now. */
    record PageUser(String user, int level, String reason) implements EscalationEffect {
    }

    /** Stop the person's pending notifications for this incident (acknowledged, or no longer paged). */
    record StopPaging(String user, String reason) implements EscalationEffect {
    }

    /** Call {@link Escalation#onTimer} with this key at this time. */
    record ScheduleTimer(Instant at, String key) implements EscalationEffect {
    }

    /** Drop pending timers whose key starts with this prefix. */
    record CancelTimers(String prefix) implements EscalationEffect {
    }

    /**
     * Remember the level's round-robin position for the next incident of the policy. {@code previous} is the
     * position this turn was taken from (null: the level never had a turn), so the caller can store the new one
     * only if no other incident took a turn meanwhile.
     */
    record RoundRobinAdvanced(String policyId, int levelIndex, int cursor, Integer previous) implements EscalationEffect {
    }

    /** Nobody at all could be paged: tell the admins (never stay silent). */
    record NobodyToPage(String message) implements EscalationEffect {
    }

    /** A line for the incident's timeline; {@code kind} is a stable machine name. */
    record Timeline(String kind, String message) implements EscalationEffect {
    }
}
