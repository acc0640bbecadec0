package dev.tocsin.config;

import dev.tocsin.urgency.Severity;

/**
 * What an integration key stands for, as the ingest endpoints need it.
 *
 * @param serviceId          the service whose incidents this key's alerts open
 * @param type               {@code events-v2}, {@code alertmanager}, {@code grafana}, {@code generic}, …
 * @param key                the integration key itself
 * @param defaultSeverity    severity given to events whose severity is missing or not one of the four
 * @param rateLimitPerSecond events per second accepted for this key before answering 429
 * @param secret             optional shared secret (Grafana HMAC signature), or null
 * @param highPriorities     Opsgenie only: the priorities that page with high urgency (empty for other types)
 */
public record IntegrationBinding(String serviceId, String type, String key, Severity defaultSeverity,
                                 int rateLimitPerSecond, String secret, java.util.List<String> highPriorities) {
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 100;
    public static final Severity DEFAULT_SEVERITY = Severity.ERROR;
    /** Opsgenie priorities that page with high urgency unless the integration sets {@code high_priorities}. */
    public static final java.util.List<String> DEFAULT_HIGH_PRIORITIES = java.util.List.of("P1", "P2");

    public IntegrationBinding {
        highPriorities = highPriorities == null ? java.util.List.of() : java.util.List.copyOf(highPriorities);
    }

    public IntegrationBinding(String serviceId, String type, String key, Severity defaultSeverity,
                              int rateLimitPerSecond, String secret) {
        this(serviceId, type, key, defaultSeverity, rateLimitPerSecond, secret, java.util.List.of());
    }
}
