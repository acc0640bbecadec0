package dev.tocsin.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One level of a policy: whom to page, how long to wait for an acknowledgement before the next level, and
 * whether everyone targeted is paged or one of them in turn.
 */
public record EscalationLevel(List<Target> targets, Duration escalateAfter, Assignment assign) {
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(15);

    public EscalationLevel {
        targets = List.copyOf(targets);
    }

    /** How a level's targets are paged. */
    public enum Assignment {
        /** Everyone the level resolves to is paged at once. */
        EVERYONE,
        /** One person per incident, taking turns. */
        ROUND_ROBIN;

        public static final Assignment DEFAULT = EVERYONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Assignment> parse(String text) {
            for (Assignment value : values()) if (value.wireName().equals(text)) return Optional.of(value);
            return Optional.empty();
        }
    }
}
