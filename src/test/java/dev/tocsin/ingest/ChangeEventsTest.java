package dev.tocsin.ingest;

import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.ChangeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.eventsV2;
import static dev.tocsin.ingest.Payloads.json;
import static dev.tocsin.ingest.Payloads.parsed;
import static dev.tocsin.ingest.Payloads.problems;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeEventsTest {
    @Test
    void readsTheDocumentedChangeEvent() {
        ChangeEvent change = parsed(ChangeEvents.parse(bytes("change-event.json"), eventsV2(), RECEIVED_AT));

        assertThat(change.integrationKey()).isEqualTo(Payloads.EVENTS_KEY);
        assertThat(change.serviceId()).isEqualTo("customer-api");
        assertThat(change.summary()).isEqualTo("Build Success: Increase snapshot create timeout to 30 seconds");
        assertThat(change.source()).isEqualTo("acme-build-pipeline-tool-default-i-9999");
        assertThat(change.occurredAt()).isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
        assertThat(change.details().get("build_number").asText()).isEqualTo("2");
        assertThat(change.links()).containsExactly(
                new AlertEvent.Link("https://acme.pagerduty.dev/build/2", "View more details in Acme!"));
    }

    @Test
    void takesTheReceiveTimeWhenTheSenderGivesNone() {
        ChangeEvent change = parsed(ChangeEvents.parse(json("""
                {"routing_key":"k","payload":{"summary":"deploy 4.2"}}"""), eventsV2(), RECEIVED_AT));

        assertThat(change.occurredAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void listsEveryProblem() {
        assertThat(problems(ChangeEvents.parse(json("""
                {"payload":{"timestamp":"soon"},"links":[{"text":"no href"}]}"""), eventsV2(), RECEIVED_AT)))
                .containsExactlyInAnyOrder(
                        "'payload.summary' is missing or blank",
                        "'payload.timestamp' is not an ISO 8601 timestamp (was 'soon')",
                        "'links[0].href' is missing or blank");
        assertThat(problems(ChangeEvents.parse(json("{}"), eventsV2(), RECEIVED_AT))).containsExactly("'payload' is missing");
    }
}
