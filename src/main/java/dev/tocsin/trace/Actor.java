package dev.tocsin.trace;

import java.util.Objects;

/**
 * Who or what did something: a user, an integration (a monitoring system sending events), or Tocsin itself.
 * Written on every timeline entry and configuration change as {@code kind:id}, e.g. {@code user:alice}.
 */
public record Actor(Kind kind, String id) {
    public enum Kind { USER, INTEGRATION, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor user(String userId) {
        return new Actor(Kind.USER, userId);
    }

    public static Actor integration(String description) {
        return new Actor(Kind.INTEGRATION, description);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "tocsin");
    }

    public static Actor parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("actor '" + text + "' is not kind:id");
        return new Actor(Kind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                text.substring(colon + 1));
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
