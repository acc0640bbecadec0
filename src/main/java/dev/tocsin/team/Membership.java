package dev.tocsin.team;

import java.util.Locale;
import java.util.Optional;

/** A user's place in a team. */
public record Membership(String user, Role role) {
    public enum Role {
        MANAGER, MEMBER;

        public static final Role DEFAULT = MEMBER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> parse(String text) {
            for (Role role : values()) if (role.wireName().equals(text)) return Optional.of(role);
            return Optional.empty();
        }
    }
}
