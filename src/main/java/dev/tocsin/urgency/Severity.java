package dev.tocsin.urgency;

import java.util.Locale;
import java.util.Optional;

/** An alert's severity as senders state it (PagerDuty's four values). */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    /** The default mapping: critical and error page now, warning and info can wait for working hours. */
    public Urgency defaultUrgency() {
        return this == CRITICAL || this == ERROR ? Urgency.HIGH : Urgency.LOW;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named by {@code text} (case-insensitive), or empty if it is not one of the four. */
    public static Optional<Severity> parse(String text) {
        if (text == null) return Optional.empty();
        for (Severity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(text.trim())) return Optional.of(severity);
        }
        return Optional.empty();
    }
}
