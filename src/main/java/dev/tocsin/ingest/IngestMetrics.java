package dev.tocsin.ingest;

import dev.tocsin.incident.AlertOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Locale;

/** {@code tocsin.events.accepted} (per outcome) and {@code tocsin.events.rejected} (per reason), by endpoint. */
final class IngestMetrics {
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(Endpoint endpoint, List<AlertOutcome> outcomes) {
        for (AlertOutcome outcome : outcomes) accepted(endpoint, outcome.result().name().toLowerCase(Locale.ROOT), 1);
    }

    void accepted(Endpoint endpoint, String reason, int events) {
        Counter.builder("tocsin.events.accepted").description("Events accepted by the ingest endpoints")
                .tag("endpoint", endpoint.metricName).tag("reason", reason)
                .register(registry).increment(events);
    }

    void rejected(Endpoint endpoint, String reason) {
        Counter.builder("tocsin.events.rejected").description("Ingest requests answered with an error")
                .tag("endpoint", endpoint.metricName).tag("reason", reason)
                .register(registry).increment();
    }
}
