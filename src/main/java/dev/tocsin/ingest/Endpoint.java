package dev.tocsin.ingest;

import java.util.Set;

/** The ingest endpoints: their path, their name in metrics, and which integration types may use them. */
enum Endpoint {
    EVENTS_V2("events-v2", "/v2/enqueue", Set.of("events-v2", "events-v1")),
    EVENTS_V1("events-v1", "/generic/2010-04-15/create_event.json", Set.of("events-v2", "events-v1")),
    CHANGE("change", "/v2/change/enqueue", Set.of("events-v2", "events-v1")),
    ALERTMANAGER("alertmanager", "/integrations/alertmanager/{key}", Set.of("alertmanager")),
    GRAFANA("grafana", "/integrations/grafana/{key}", Set.of("grafana")),
    GENERIC("generic", "/integrations/generic/{key}", Set.of("generic")),
    /** Opsgenie's Alert API: create at this path, acknowledge, close and notes below it ({@link OpsgenieRoutes}). */
    OPSGENIE("opsgenie", "/v2/alerts", Set.of("opsgenie"));

    final String metricName;
    final String path;
    final Set<String> integrationTypes;

    Endpoint(String metricName, String path, Set<String> integrationTypes) {
        this.metricName = metricName;
        this.path = path;
        this.integrationTypes = integrationTypes;
    }

    /** Where a key of {@code type} should be sent instead, for error messages. */
    static String pathFor(String type) {
        for (Endpoint endpoint : values()) {
            if (endpoint.integrationTypes.contains(type)) return endpoint.path;
        }
        return "no ingest endpoint";
    }
}
