package dev.tocsin.urgency;

import java.util.Locale;

/** How urgently an incident needs a person: high pages now, low can wait. Picks the notification rules used. */
public enum Urgency {
    HIGH, LOW;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
