package dev.tocsin.escalation;

import java.util.List;

/**
 * Who is paged for a service's incident, level by level, until someone acknowledges.
 *
 * @param name   display name, or null
 * @param repeat how many times the whole policy runs again after its last level (0 = once)
 */
public record EscalationPolicy(String id, String name, List<EscalationLevel> levels, int repeat) {
    public static final int DEFAULT_REPEAT = 0;
    /** A bound so a typo cannot page people thousands of times. */
    public static final int MAX_REPEAT = 20;

    public EscalationPolicy {
        levels = List.copyOf(levels);
    }
}
