package dev.tocsin.ingest;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints of a real server with no integrations configured: what every sender is told when its
 * key or body is wrong, before any event can be taken. (Behaviour with configured keys: {@code IngestApiTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnconfiguredIngestTest {
    private TestServer server;
    private TestHttp http;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.SQLITE, null);
        http = server.http().anonymous();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anUnknownRoutingKeyIsA400NamingItTogetherWithTheEventsOtherProblems() {
        TestHttp.Response response = http.postJson("/v2/enqueue", """
                {"routing_key":"nosuchkey","event_action":"trigger","payload":{"summary":"s","severity":"critical"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("""
                {"status":"invalid event","message":"Event object is invalid","errors":[\
                "'routing_key' 'nosuchkey' is not a known integration key",\
                "'payload.source' is missing or blank"]}""");
    }

    @Test
    void aMissingServiceKeyOnV1IsA400() {
        TestHttp.Response response = http.postJson("/generic/2010-04-15/create_event.json", """
                {"event_type":"trigger","description":"disk full"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).asText()).isEqualTo("'service_key' is missing");
    }

    @Test
    void aRoutingKeyThatIsNotAStringIsNamedOnce() {
        TestHttp.Response response = http.postJson("/v2/enqueue", """
                {"routing_key":{"key":"k"},"event_action":"acknowledge","dedup_key":"d"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).isEqualTo("[\"'routing_key' must be a string\"]");
    }

    @Test
    void anUnparseableBodyGetsPagerDutysUnrecognizedObjectAnswer() {
        TestHttp.Response response = http.postJson("/v2/enqueue", "{\"routing_key\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("""
                {"status":"Unrecognized object","message":"Event object format is unrecognized","errors":["JSON parse error"]}""");
    }

    @Test
    void anUnknownKeyInAnAlertmanagerOrGrafanaUrlIsA404NamingIt() {
        TestHttp.Response alertmanager = http.postJson("/integrations/alertmanager/am-nope", Payloads.text("alertmanager-webhook-v4.json"));
        TestHttp.Response grafana = http.postJson("/integrations/grafana/gf-nope", Payloads.text("grafana-webhook-v1.json"));

        assertThat(alertmanager.status()).isEqualTo(404);
        assertThat(alertmanager.json().path("errors").get(0).asText()).isEqualTo("integration key 'am-nope' is not configured");
        assertThat(grafana.status()).isEqualTo(404);
        assertThat(grafana.json().path("errors").get(0).asText()).isEqualTo("integration key 'gf-nope' is not configured");
    }

    @Test
    void anUnknownKeyInAGenericUrlIsA400() {
        TestHttp.Response response = http.postJson("/integrations/generic/gen-nope", Payloads.text("generic-trigger.json"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).asText())
                .isEqualTo("'integration key' 'gen-nope' is not a known integration key");
    }

    @Test
    void aBodyOver512KilobytesIsA413WithAPagerDutyStyleError() {
        byte[] body = ("{\"routing_key\":\"k\",\"padding\":\"" + "x".repeat(IngestRoutes.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        TestHttp.Response response = http.postBytes("/v2/enqueue", "application/json", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("status").asText()).isEqualTo("Request too large");
        assertThat(response.json().path("errors").get(0).asText()).contains("524288");
    }

    @Test
    void aChunkedBodyOver512KilobytesIsA413Too() {
        byte[] body = ("{\"padding\":\"" + "x".repeat(IngestRoutes.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        TestHttp.Response response = http.send(http.builder("/integrations/alertmanager/am-nope")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void rejectionsAreCountedPerEndpointAndReason() {
        http.postJson("/v2/change/enqueue", "not json");

        assertThat(http.get("/metrics").body())
                .contains("tocsin_events_rejected_total{endpoint=\"change\",reason=\"unparseable\"}");
    }
}
