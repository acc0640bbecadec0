package dev.tocsin.config;

import java.util.Optional;

/** The kinds of configured object, in the order they appear in a file (and are exported). */
public enum Kind {
    USER("user", "users"),
    TEAM("team", "teams"),
    SCHEDULE("schedule", "schedules"),
    ESCALATION_POLICY("escalation_policy", "escalation_policies"),
    SERVICE("service", "services"),
    HEARTBEAT("heartbeat", "heartbeats"),
    /** Top-level event rules (all services), tried after each service's own; the rule's {@code name} is its id. */
    RULE("rule", "rules"),
    PROVIDER("provider", "providers"),
    /** How people sign in: {@code auth.oidc}. Like providers, a mapping of named objects rather than a list. */
    AUTH("auth", "auth");

    private final String singular;
    private final String section;

    Kind(String singular, String section) {
        this.singular = singular;
        this.section = section;
    }

    /** The name of one object in diffs and messages: {@code user}, {@code escalation_policy}. */
    public String singular() {
        return singular;
    }

    /** The top-level YAML key and API collection: {@code users}, {@code escalation_policies}. */
    public String section() {
        return section;
    }

    /** Whether the section is a mapping of objects by name ({@code providers.smtp}, {@code auth.oidc}), not a list. */
    public boolean named() {
        return this == PROVIDER || this == AUTH;
    }

    public static Optional<Kind> ofSingular(String name) {
        for (Kind kind : values()) if (kind.singular.equals(name)) return Optional.of(kind);
        return Optional.empty();
    }
}
