package dev.tocsin.ingest;

import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.eventsV2;
import static dev.tocsin.ingest.Payloads.json;
import static dev.tocsin.ingest.Payloads.parsed;
import static dev.tocsin.ingest.Payloads.problems;
import static org.assertj.core.api.Assertions.assertThat;

class EventsV1Test {
    @Test
    void readsTheDocumentedTriggerWithContexts() {
        AlertEvent event = parsed(EventsV1.parse(bytes("pagerduty-v1-trigger-contexts.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.TRIGGER);
        assertThat(event.format()).isEqualTo("events-v1");
        assertThat(event.dedupKey()).isEqualTo("srv01/HTTP");
        assertThat(event.summary()).isEqualTo("FAILURE for production/HTTP on machine srv01.acme.com");
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.sentSeverity()).isNull();
        assertThat(event.details().get("ping time").asText()).isEqualTo("1500ms");
        assertThat(event.links()).containsExactly(
                new AlertEvent.Link("http://acme.pagerduty.com", null),
                new AlertEvent.Link("http://acme.pagerduty.com", "View the incident on PagerDuty"),
                new AlertEvent.Link("https://monitoring.service.com", "Sample Monitoring Service"));
    }

    @Test
    void ignoresTheEmptyEventActionAndNullPayloadAlertmanagerSendsWithV1() {
        AlertEvent event = parsed(EventsV1.parse(bytes("alertmanager-pagerduty-v1.json"), eventsV2(), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.TRIGGER);
        assertThat(event.dedupKey()).hasSize(64);
        assertThat(event.summary()).isEqualTo("[FIRING:1] HighLatency (api production)");
    }

    @Test
    void givesATriggerWithoutIncidentKeyAGeneratedOne() {
        AlertEvent event = parsed(EventsV1.parse(json("""
                {"service_key":"k","event_type":"trigger","description":"disk full"}"""), eventsV2(), RECEIVED_AT));

        assertThat(event.dedupKey()).matches("[0-9a-f]{32}");
    }

    @Test
    void listsEveryProblemOfAnInvalidEvent() {
        assertThat(problems(EventsV1.parse(bytes("pagerduty-v1-invalid.json"), eventsV2(), RECEIVED_AT)))
                .containsExactlyInAnyOrder(
                        "'incident_key' is required for resolve events",
                        "'contexts[0].href' is missing or blank",
                        "'contexts[1].type' must be link or image (was 'video')");
    }

    @Test
    void requiresADescriptionOnTriggerAndAKnownEventType() {
        assertThat(problems(EventsV1.parse(json("{\"event_type\":\"trigger\"}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'description' is missing or blank");
        assertThat(problems(EventsV1.parse(json("{\"event_type\":\"page\"}"), eventsV2(), RECEIVED_AT)))
                .containsExactly("'event_type' must be trigger, acknowledge or resolve (was 'page')");
    }
}
