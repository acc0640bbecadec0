package dev.tocsin.ingest;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What senders are told when Tocsin cannot take their events right now: over the rate limit, or storage gone.
 * The server's clock stands still, so the token buckets never refill during a test.
 */
class IngestBackpressureTest {
    private static final Clock STOPPED = Clock.fixed(Instant.parse("2026-11-24T22:00:00Z"), ZoneOffset.UTC);

    private static TestServer start() {
        return TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("config/example.yaml"), STOPPED);
    }

    private static String acknowledge(int i) {
        return """
                {"routing_key":"%s","event_action":"acknowledge","dedup_key":"nothing-open-%d"}""".formatted(IngestApiTest.EVENTS_KEY, i);
    }

    /** An Alertmanager webhook with {@code count} firing alerts. */
    private static String alertmanagerBatch(String prefix, int count) {
        StringJoiner alerts = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            alerts.add("""
                    {"status":"firing","labels":{"alertname":"Load%d"},"annotations":{},"startsAt":"2026-11-24T21:00:00Z",
                     "endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"%s%d"}""".formatted(i, prefix, i));
        }
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"tocsin\",\"alerts\":[" + alerts + "]}";
    }

    @Test
    void pagerDutyClientsGet429AndV1Gets403OnceTheKeyIsOverItsRate() {
        try (TestServer server = start()) {
            TestHttp sender = server.http().anonymous();
            for (int i = 0; i < 100; i++) {
                assertThat(sender.postJson("/v2/enqueue", acknowledge(i)).status()).isEqualTo(202);
            }

            TestHttp.Response v2 = sender.postJson("/v2/enqueue", acknowledge(100));
            TestHttp.Response v1 = sender.postJson("/generic/2010-04-15/create_event.json", """
                    {"service_key":"%s","event_type":"acknowledge","incident_key":"x"}""".formatted(IngestApiTest.EVENTS_KEY));

            assertThat(v2.status()).isEqualTo(429);
            assertThat(v2.body()).isEqualTo("""
                    {"status":"throttle exceeded","message":"Requests for this service are arriving too quickly. Please retry later."}""");
            assertThat(v2.headers().firstValue("Retry-After")).contains("1");
            assertThat(v1.status()).isEqualTo(403);
            assertThat(v1.json().path("status").asText()).isEqualTo("throttle exceeded");
        }
    }

    @Test
    void alertmanagerIsTold503NeverA4xxWhenOverTheRateAndEveryAlertOfABatchCounts() {
        try (TestServer server = start()) {
            TestHttp sender = server.http().anonymous();
            String path = "/integrations/alertmanager/" + IngestApiTest.ALERTMANAGER_KEY;

            // A batch larger than the whole allowance still passes when the bucket is full...
            assertThat(sender.postJson(path, alertmanagerBatch("a", 150)).status()).isEqualTo(202);
            // ...and leaves the key in debt: the next batch must wait, and Alertmanager must retry it.
            TestHttp.Response limited = sender.postJson(path, alertmanagerBatch("b", 1));

            assertThat(limited.status()).isEqualTo(503);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.json().path("errors").get(0).asText()).contains("rate limit of 100 events/s");
        }
    }

    @Test
    void everyEndpointAnswers503WithRetryAfterWhenStorageIsGone() {
        try (TestServer server = start()) {
            TestHttp sender = server.http().anonymous();
            server.tocsin().database().close();

            TestHttp.Response alertmanager = sender.postJson("/integrations/alertmanager/" + IngestApiTest.ALERTMANAGER_KEY,
                    Payloads.text("alertmanager-webhook-v4.json"));
            TestHttp.Response v2 = sender.postJson("/v2/enqueue", Payloads.text("pagerduty-v2-docs-trigger.json"));
            TestHttp.Response change = sender.postJson("/v2/change/enqueue", Payloads.text("change-event.json"));

            for (TestHttp.Response response : new TestHttp.Response[] {alertmanager, v2, change}) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).contains("1");
                assertThat(response.json().path("status").asText()).isEqualTo("unavailable");
            }
        }
    }
}
