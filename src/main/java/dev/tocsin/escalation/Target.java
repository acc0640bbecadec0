package dev.tocsin.escalation;

import java.util.Locale;
import java.util.Optional;

/** Whom a level pages, written {@code schedule:ID}, {@code user:ID} or {@code team:ID}. */
public record Target(Kind kind, String id) {
    public enum Kind {
        SCHEDULE, USER, TEAM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The target {@code text} names, or empty if it is not {@code kind:id} with a known kind. */
    public static Optional<Target> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) return Optional.empty();
        String kind = text.substring(0, colon).trim();
        for (Kind value : Kind.values()) {
            if (value.wireName().equals(kind)) return Optional.of(new Target(value, text.substring(colon + 1).trim()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return kind.wireName() + ":" + id;
    }
}
