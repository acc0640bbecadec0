package dev.tocsin.service;

import dev.tocsin.urgency.Severity;
import dev.tocsin.secret.Secret;

import java.util.Locale;
import java.util.Optional;

/**
 * A way alerts reach a service: a sender format and the key that appears in the sender's URL or payload.
 * Keys are not treated as secrets (they sit in monitoring configuration and URLs); the optional
 * {@code secret} is (Grafana's HMAC signing secret).
 *
 * @param secret             signing secret, or null
 * @param rateLimitPerSecond events per second accepted before answering 429
 * @param defaultSeverity    severity for events that give none or an unknown one
 * @param highPriorities     Opsgenie only: the priorities ({@code P1}…{@code P5}) that page with high urgency;
 *                           empty for the other types
 */
public record Integration(Type type, String key, Secret secret, int rateLimitPerSecond, Severity defaultSeverity,
                          java.util.List<String> highPriorities) {
    /** Sender formats. */
    public enum Type {
        EVENTS_V2, EVENTS_V1, ALERTMANAGER, GRAFANA, GENERIC, OPSGENIE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Type> parse(String text) {
            for (Type type : values()) if (type.wireName().equals(text)) return Optional.of(type);
            return Optional.empty();
        }
    }

    public Integration {
        highPriorities = highPriorities == null ? java.util.List.of() : java.util.List.copyOf(highPriorities);
    }

    /** An integration of a type without priorities (every type but {@code opsgenie}). */
    public Integration(Type type, String key, Secret secret, int rateLimitPerSecond, Severity defaultSeverity) {
        this(type, key, secret, rateLimitPerSecond, defaultSeverity, java.util.List.of());
    }
}
