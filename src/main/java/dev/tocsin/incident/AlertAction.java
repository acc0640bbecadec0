package dev.tocsin.incident;

import java.util.Locale;
import java.util.Optional;

/** What an event asks of the alert with its dedup key. */
public enum AlertAction {
    TRIGGER, ACKNOWLEDGE, RESOLVE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertAction> parse(String text) {
        if (text == null) return Optional.empty();
        for (AlertAction action : values()) if (action.wireName().equals(text)) return Optional.of(action);
        return Optional.empty();
    }
}
