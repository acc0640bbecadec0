package dev.tocsin.rules;

import java.time.Duration;

/**
 * A service's automatic grouping: a trigger whose key renders to the key of an open incident of the service,
 * opened no longer than {@code window} ago, joins that incident instead of opening a new one.
 */
public record Grouping(Template key, Duration window) {
    /** How long an incident keeps taking alerts of its group when {@code window} is not given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
}
