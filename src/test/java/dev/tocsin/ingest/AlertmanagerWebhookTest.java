package dev.tocsin.ingest;

import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.binding;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.json;
import static dev.tocsin.ingest.Payloads.parsed;
import static dev.tocsin.ingest.Payloads.problems;
import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerWebhookTest {
    private static final String KEY = "am-customer-api-0b1c2d3e";

    private static List<AlertEvent> parse(byte[] body) {
        return parsed(AlertmanagerWebhook.parse(body, binding("alertmanager", KEY), RECEIVED_AT));
    }

    @Test
    void makesOneEventPerAlertKeyedByFingerprintAndActingOnStatusNotEndsAt() {
        List<AlertEvent> events = parse(bytes("alertmanager-webhook-v4.json"));

        assertThat(events).extracting(AlertEvent::dedupKey)
                .containsExactly("a1b2c3d4e5f60718", "0f1e2d3c4b5a6978", "77aa88bb99cc00dd");
        // The third alert is firing with an endsAt in the past relative to nothing in particular: status decides.
        assertThat(events).extracting(AlertEvent::action)
                .containsExactly(AlertAction.TRIGGER, AlertAction.RESOLVE, AlertAction.TRIGGER);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.integrationKey()).isEqualTo(KEY);
            assertThat(event.format()).isEqualTo("alertmanager");
        });
    }

    @Test
    void takesTheSummaryFromAnnotationsThenTheAlertName() {
        List<AlertEvent> events = parse(bytes("alertmanager-webhook-v4.json"));

        assertThat(events).extracting(AlertEvent::summary)
                .containsExactly("p99 latency above 2s on api-1", "Disk / on db-1 is 95% full", "Watchdog");
    }

    @Test
    void mapsTheSeverityLabelAndFallsBackToTheIntegrationDefault() {
        List<AlertEvent> events = parse(bytes("alertmanager-webhook-v4.json"));

        assertThat(events).extracting(AlertEvent::severity)
                .containsExactly(Severity.CRITICAL, Severity.WARNING, Severity.WARNING);
        assertThat(events).extracting(AlertEvent::sentSeverity).containsExactly("critical", "page", null);
    }

    @Test
    void keepsLabelsAnnotationsAndGeneratorUrlAsDetailsAndLink() {
        AlertEvent firing = parse(bytes("alertmanager-webhook-v4.json")).get(0);

        assertThat(firing.details().get("labels").get("instance").asText()).isEqualTo("api-1:9100");
        assertThat(firing.details().get("annotations").get("runbook_url").asText()).isEqualTo("https://runbooks.example.com/latency");
        assertThat(firing.details().get("generatorURL").asText()).startsWith("http://prometheus:9090/graph");
        assertThat(firing.links()).extracting(AlertEvent.Link::href).containsExactly(firing.details().get("generatorURL").asText());
        assertThat(firing.source()).isEqualTo("api-1:9100");
        assertThat(firing.occurredAt()).isEqualTo(Instant.parse("2026-11-24T22:01:05.123456789Z"));
        assertThat(firing.rawBody()).contains("a1b2c3d4e5f60718").doesNotContain("0f1e2d3c4b5a6978");
    }

    @Test
    void datesAResolvedAlertAtItsEndAndLeavesOutAnEmptyGeneratorUrl() {
        List<AlertEvent> events = parse(bytes("alertmanager-webhook-v4.json"));

        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2026-11-24T22:05:00Z"));
        assertThat(events.get(2).links()).isEmpty();
    }

    @Test
    void keysAnAlertWithoutFingerprintByItsSortedLabels() {
        List<AlertEvent> events = parse(json("""
                {"version":"4","alerts":[
                  {"status":"firing","labels":{"b":"2","a":"1"}},
                  {"status":"resolved","labels":{"a":"1","b":"2"}},
                  {"status":"firing","labels":{"a":"1","b":"3"}}]}"""));

        assertThat(events.get(0).dedupKey()).matches("[0-9a-f]{64}").isEqualTo(events.get(1).dedupKey());
        assertThat(events.get(2).dedupKey()).isNotEqualTo(events.get(0).dedupKey());
    }

    @Test
    void acceptsAnEmptyAlertList() {
        assertThat(parse(json("{\"version\":\"4\",\"alerts\":[]}"))).isEmpty();
    }

    @Test
    void listsEveryProblemOfEveryAlert() {
        assertThat(problems(AlertmanagerWebhook.parse(bytes("alertmanager-webhook-invalid.json"), binding("alertmanager", KEY), RECEIVED_AT)))
                .containsExactlyInAnyOrder(
                        "'alerts[0].labels' must be an object",
                        "'alerts[1].status' must be firing or resolved (was missing)",
                        "'alerts[1].startsAt' is not an ISO 8601 timestamp (was 'not a time')",
                        "'alerts[2]' must be an object");
        assertThat(problems(AlertmanagerWebhook.parse(json("{\"version\":\"4\"}"), binding("alertmanager", KEY), RECEIVED_AT)))
                .containsExactly("'alerts' is missing or not an array");
    }
}
