package dev.tocsin.actionlink;

import java.util.Locale;
import java.util.Optional;

/** What following an action link does to its incident. */
public enum LinkAction {
    ACKNOWLEDGE("Acknowledge"), RESOLVE("Resolve"), ESCALATE("Escalate");

    private final String label;

    LinkAction(String label) {
        this.label = label;
    }

    /** The button's word: "Acknowledge". */
    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LinkAction> fromWireName(String name) {
        for (LinkAction action : values()) if (action.wireName().equals(name)) return Optional.of(action);
        return Optional.empty();
    }
}
