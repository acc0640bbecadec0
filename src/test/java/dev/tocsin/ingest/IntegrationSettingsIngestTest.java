package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-integration settings at work: Grafana's signature secret, the rate limit, the default severity, v1 keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationSettingsIngestTest {
    /** Computed outside Java: {@code hmac.new(b"grafana-secret-1", body, sha256).hexdigest()}. */
    private static final String SIGNATURE = "985cfa5ec96b7189753477579909801cc48c7b42e042fe736bc21554467bde93";
    /** The same over {@code b"1764020000:" + body}. */
    private static final String TIMESTAMPED_SIGNATURE = "9a78b37cc483e01525ce8eb4e49eb2e67f783fa1a77ab82014556f4d097fa273";
    private static final String GRAFANA_PATH = "/integrations/grafana/gf-billing-signed";
    /** Stands still, so the slow key's bucket never refills during the test. */
    private static final Clock STOPPED = Clock.fixed(Instant.parse("2026-11-24T22:00:00Z"), ZoneOffset.UTC);

    private TestServer server;
    private TestHttp sender;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("config/ingest-settings.yaml"), STOPPED);
        sender = server.http().anonymous();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TestHttp.Response postGrafana(String... headers) {
        HttpRequest.Builder request = sender.builder(GRAFANA_PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Payloads.bytes("grafana-webhook-v1.json")));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return sender.send(request);
    }

    @Test
    void aGrafanaWebhookSignedWithTheSecretIsAccepted() {
        assertThat(postGrafana("X-Grafana-Alerting-Signature", SIGNATURE).status()).isEqualTo(202);
        assertThat(postGrafana("X-Grafana-Alerting-Signature", TIMESTAMPED_SIGNATURE,
                "X-Grafana-Alerting-Timestamp", "1764020000").status()).isEqualTo(202);
    }

    @Test
    void anUnsignedGrafanaWebhookIs401AndAWronglySignedOne403() {
        TestHttp.Response unsigned = postGrafana();
        TestHttp.Response wrong = postGrafana("X-Grafana-Alerting-Signature", SIGNATURE.replace('9', '8'));
        TestHttp.Response stale = postGrafana("X-Grafana-Alerting-Signature", TIMESTAMPED_SIGNATURE,
                "X-Grafana-Alerting-Timestamp", "1764020001");

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.json().path("errors").get(0).asText()).contains("X-Grafana-Alerting-Signature");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(stale.status()).isEqualTo(403);
    }

    @Test
    void aKeysOwnRateLimitApplies() {
        String acknowledge = """
                {"routing_key":"ev-billing-slow","event_action":"acknowledge","dedup_key":"nothing-open"}""";

        assertThat(sender.postJson("/v2/enqueue", acknowledge).status()).isEqualTo(202);
        assertThat(sender.postJson("/v2/enqueue", acknowledge).status()).isEqualTo(202);
        assertThat(sender.postJson("/v2/enqueue", acknowledge).status()).isEqualTo(429);
    }

    @Test
    void aSeverityOutsideTheFourBecomesTheIntegrationsDefault() {
        TestHttp.Response response = sender.postJson("/integrations/generic/gen-billing-quiet", """
                {"summary":"queue is slow","severity":"sev1","dedup_key":"queue-slow"}""");
        long incidentId = response.json().path("alerts").get(0).path("incident_id").asLong();

        JsonNode incident = server.http().get("/api/v1/incidents/" + incidentId).json();

        assertThat(incident.findValue("severity").asText()).isEqualTo("info");
        assertThat(incident.findValue("urgency").asText()).isEqualTo("low");
    }

    @Test
    void anEventsV1KeyWorksOnV2V1AndChangeEvents() {
        assertThat(sender.postJson("/v2/enqueue", """
                {"routing_key":"ev1-billing-legacy","event_action":"resolve","dedup_key":"x"}""").status()).isEqualTo(202);
        assertThat(sender.postJson("/generic/2010-04-15/create_event.json", """
                {"service_key":"ev1-billing-legacy","event_type":"resolve","incident_key":"x"}""").status()).isEqualTo(200);
        assertThat(sender.postJson("/v2/change/enqueue", """
                {"routing_key":"ev1-billing-legacy","payload":{"summary":"deploy 4.2"}}""").status()).isEqualTo(202);
    }
}
