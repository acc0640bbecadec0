package dev.tocsin.ingest;

import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.eventsV2;
import static dev.tocsin.ingest.Payloads.json;
import static dev.tocsin.ingest.Payloads.parsed;
import static dev.tocsin.ingest.Payloads.problems;
import static org.assertj.core.api.Assertions.assertThat;

class EventsV2Test {
    @Test
    void readsPagerDutysDocumentedExampleWithItsOffsetWithoutColon() {
        AlertEvent event = parsed(EventsV2.parse(bytes("pagerduty-v2-docs-trigger.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.TRIGGER);
        assertThat(event.integrationKey()).isEqualTo(Payloads.EVENTS_KEY);
        assertThat(event.format()).isEqualTo("events-v2");
        assertThat(event.dedupKey()).isEqualTo("samplekeyhere");
        assertThat(event.summary()).isEqualTo("Example alert on host1.example.com");
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.sentSeverity()).isEqualTo("info");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
        assertThat(event.source()).startsWith("monitoringtool:cloudvendor");
        assertThat(event.component()).isEqualTo("postgres");
        assertThat(event.group()).isEqualTo("prod-datapipe");
        assertThat(event.alertClass()).isEqualTo("deploy");
        assertThat(event.details().get("load avg").asDouble()).isEqualTo(0.75);
        assertThat(event.links()).containsExactly(
                new AlertEvent.Link("https://example.com/", "Link text"),
                new AlertEvent.Link("https://monitoring.example.com", "Sample Monitoring Service"));
        assertThat(event.rawBody()).contains("pagerduty-logo-green.png");
    }

    @Test
    void readsAlertmanagersShapeWithItsErrorSeverityAndStringCounts() {
        AlertEvent event = parsed(EventsV2.parse(bytes("alertmanager-pagerduty-v2-strings.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.dedupKey()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(event.severity()).isEqualTo(Severity.ERROR);
        assertThat(event.occurredAt()).isNull();
        assertThat(event.details().get("num_firing").asText()).isEqualTo("2");
        assertThat(event.source()).isEqualTo("Alertmanager");
    }

    @Test
    void readsNewerAlertmanagerDetailsAsArraysAndNumbersAndMapsATemplatedSeverityToTheDefault() {
        AlertEvent event = parsed(EventsV2.parse(bytes("alertmanager-pagerduty-v2-structured.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.details().get("firing").isArray()).isTrue();
        assertThat(event.details().get("num_firing").asInt()).isEqualTo(1);
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.sentSeverity()).isEqualTo("{{ .CommonLabels.severity }}");
    }

    @Test
    void readsAlertmanagersResolve() {
        AlertEvent event = parsed(EventsV2.parse(bytes("alertmanager-pagerduty-v2-resolve.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.RESOLVE);
        assertThat(event.dedupKey()).startsWith("5d41402a");
    }

    @Test
    void readsGrafanasPagerDutyContactPoint() {
        AlertEvent event = parsed(EventsV2.parse(bytes("grafana-pagerduty-v2.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.component()).isEqualTo("Grafana");
        assertThat(event.group()).isEqualTo("default");
        assertThat(event.alertClass()).isEqualTo("default");
        assertThat(event.details().get("num_firing").asText()).isEqualTo("1");
        assertThat(event.links()).extracting(AlertEvent.Link::href)
                .containsExactly("http://grafana:3000/alerting/list", "http://grafana:3000/");
    }

    @Test
    void givesATriggerWithoutDedupKeyAFreshKeyEachTime() {
        byte[] body = json("""
                {"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"h","severity":"critical"}}""");

        String first = parsed(EventsV2.parse(body, eventsV2(), RECEIVED_AT)).dedupKey();
        String second = parsed(EventsV2.parse(body, eventsV2(), RECEIVED_AT)).dedupKey();

        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void acceptsAcknowledgeWithoutPayload() {
        AlertEvent event = parsed(EventsV2.parse(json("""
                {"routing_key":"k","event_action":"acknowledge","dedup_key":"disk-1"}"""), eventsV2(), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.ACKNOWLEDGE);
        assertThat(event.dedupKey()).isEqualTo("disk-1");
        assertThat(event.summary()).isNull();
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void mapsMissingSeverityToTheIntegrationDefault() {
        AlertEvent event = parsed(EventsV2.parse(json("""
                {"event_action":"trigger","payload":{"summary":"s","source":"h"}}"""), eventsV2(), RECEIVED_AT));

        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.sentSeverity()).isNull();
    }

    @Test
    void cutsASummaryLongerThan1024CharactersInsteadOfRejectingThePage() {
        String summary = "x".repeat(2000);
        AlertEvent event = parsed(EventsV2.parse(json("""
                {"event_action":"trigger","payload":{"summary":"%s","source":"h","severity":"info"}}""".formatted(summary)),
                eventsV2(), RECEIVED_AT));

        assertThat(event.summary()).hasSize(1024);
        assertThat(event.rawBody()).contains(summary);
    }

    @Test
    void listsEveryProblemOfAnInvalidEvent() {
        assertThat(problems(EventsV2.parse(bytes("pagerduty-v2-invalid.json"), eventsV2(), RECEIVED_AT)))
                .containsExactlyInAnyOrder(
                        "'dedup_key' is longer than 255 characters",
                        "'payload.summary' is missing or blank",
                        "'payload.source' is missing or blank",
                        "'payload.timestamp' is not an ISO 8601 timestamp (was 'yesterday at noon')",
                        "'payload.component' must be a string",
                        "'links' must be an array");
    }

    @Test
    void namesAMissingOrUnknownActionAndTheKeyAcknowledgeNeeds() {
        assertThat(problems(EventsV2.parse(json("{\"payload\":{}}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'event_action' is missing; it must be trigger, acknowledge or resolve");
        assertThat(problems(EventsV2.parse(json("{\"event_action\":\"explode\"}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'event_action' must be trigger, acknowledge or resolve (was 'explode')");
        assertThat(problems(EventsV2.parse(json("{\"event_action\":\"resolve\"}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'dedup_key' is required for resolve events");
        assertThat(problems(EventsV2.parse(json("{\"event_action\":\"trigger\"}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'payload' is missing");
    }

    @Test
    void tellsUnparseableBodiesApart() {
        assertThat(EventsV2.parse(json("{not json"), eventsV2(), RECEIVED_AT)).isInstanceOf(ParseResult.Unrecognized.class);
        assertThat(EventsV2.parse(json("[1,2]"), eventsV2(), RECEIVED_AT)).isInstanceOf(ParseResult.Unrecognized.class);
        assertThat(EventsV2.parse(json(""), eventsV2(), RECEIVED_AT)).isInstanceOf(ParseResult.Unrecognized.class);
    }
}
