package dev.tocsin.incident;

import java.util.Locale;
import java.util.Optional;

/** Where an incident stands: triggered → acknowledged → resolved. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public static Optional<IncidentStatus> parse(String text) {
        for (IncidentStatus status : values()) if (status.wireName().equalsIgnoreCase(text.trim())) return Optional.of(status);
        return Optional.empty();
    }
}
