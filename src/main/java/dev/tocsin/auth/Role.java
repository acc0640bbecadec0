package dev.tocsin.auth;

import java.util.Locale;
import java.util.Optional;

/** What a token may do. Each role includes the ones before it. */
public enum Role {
    /** Reads everything, changes nothing. */
    OBSERVER,
    /** Acts on incidents: acknowledge, resolve, reassign, note, trigger. */
    RESPONDER,
    /** Changes configuration and manages tokens. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) if (role.wireName().equals(name)) return Optional.of(role);
        return Optional.empty();
    }
}
