package dev.tocsin.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.cli.CliRunner;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tocsin.triage.TriageExamples.alertmanager;
import static dev.tocsin.triage.TriageExamples.eventsV2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' rules at work over HTTP on SQLite and PostgreSQL: urgency, notes, suppression, drops, routing, runbooks
 * and grouping, each told on the incident's timeline.
 */
class TriageIntakeTest {
    private static final Instant START = Instant.parse("2026-11-24T22:00:00Z");

    private static TestServer start(TestDatabases.Kind kind, SettableClock clock) {
        return TestServer.start(kind, TriageExamples.yaml(), clock);
    }

    private static JsonNode incident(TestServer server, long id) {
        TestHttp.Response response = server.http().get("/api/v1/incidents/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> timeline(JsonNode details) {
        List<String> messages = new ArrayList<>();
        details.path("timeline").forEach(entry -> messages.add(entry.path("message").asText()));
        return messages;
    }

    private static JsonNode incidents(TestServer server, String service) {
        return server.http().get("/api/v1/incidents?service=" + service + "&limit=100").json().path("incidents");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void rulesSetUrgencySuppressDropAndRouteAndTheTimelineSaysWhich(TestDatabases.Kind kind) {
        try (TestServer server = start(kind, new SettableClock(START))) {
            TestHttp sender = server.http().anonymous();

            JsonNode far = sender.postJson("/v2/enqueue", eventsV2("ev-certificates-8c9d0e1f", "cert-1", "Certificate expires",
                    "critical", "cert-exporter", "{\"hours_left\":100}")).json();
            JsonNode cert = incident(server, 1);
            assertThat(far.path("status").asText()).isEqualTo("success");
            assertThat(cert.path("incident").path("urgency").asText()).isEqualTo("low");
            assertThat(timeline(cert)).contains("Urgency low: set by rule 'cert-far'",
                    "Note from rule 'cert-far': More than 72 hours of validity left");

            TestHttp.Response staging = sender.postJson("/integrations/alertmanager/am-storage-0a1b2c3d",
                    alertmanager("st-1", "{\"alertname\":\"DiskUsageHigh\",\"env\":\"staging\",\"cluster\":\"stg\"}", "{}"));
            assertThat(staging.status()).isEqualTo(202);
            assertThat(staging.json().path("alerts").get(0).path("result").asText()).isEqualTo("suppressed");
            JsonNode suppressed = server.http().get("/api/v1/services/storage/suppressed").json().path("suppressed");
            assertThat(suppressed).hasSize(1);
            assertThat(suppressed.get(0).path("rule").asText()).isEqualTo("staging-quiet");
            assertThat(suppressed.get(0).path("summary").asText()).isEqualTo("DiskUsageHigh");
            assertThat(incidents(server, "storage")).isEmpty();

            TestHttp.Response noise = sender.postJson("/integrations/generic/gen-kubernetes-unused".replace("gen-kubernetes-unused",
                    "ev-kubernetes-4e5f6a7b"), "{}");
            assertThat(noise.status()).as("a key of another type").isEqualTo(400);
            TestHttp.Response dropped = sender.postJson("/v2/enqueue", eventsV2("ev-kubernetes-4e5f6a7b", "lb-1", "health",
                    "info", "lb-7", "{}"));
            assertThat(dropped.status()).isEqualTo(202);
            assertThat(server.http().get("/metrics").body()).containsPattern("tocsin_events_dropped_total\\{rule=\"lb-info-noise\"[^}]*} 1\\.0");
            assertThat(incidents(server, "kubernetes")).isEmpty();

            sender.postJson("/v2/enqueue", eventsV2("ev-kubernetes-4e5f6a7b", "db-1", "replication lag", "error", "db-1",
                    "postgres", "{}"));
            JsonNode routed = incidents(server, "storage").get(0);
            JsonNode routedDetails = incident(server, routed.path("id").asLong());
            assertThat(timeline(routedDetails)).contains(
                    "Routed from service kubernetes to storage by rule 'databases-to-storage'",
                    "Note from rule 'databases-to-storage': Routed: databases belong to storage",
                    "Runbook: https://wiki.example.com/runbooks/storage (from service storage)");
            assertThat(routedDetails.path("triage").path("runbook").asText()).isEqualTo("https://wiki.example.com/runbooks/storage");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAlertmanagerRunbookUrlShowsOnItsIncidentInTheApiAndTheCli(TestDatabases.Kind kind) {
        try (TestServer server = start(kind, new SettableClock(START))) {
            TestHttp.Response answer = server.http().anonymous().postJson("/integrations/alertmanager/am-certificates-8c9d0e1f",
                    alertmanager("rb-1", "{\"alertname\":\"CertExpiry\",\"severity\":\"critical\"}",
                            "{\"hours_left\":\"10\",\"runbook_url\":\"https://runbooks.example.com/certs\"}"));
            long id = answer.json().path("alerts").get(0).path("incident_id").asLong();

            JsonNode details = incident(server, id);
            assertThat(details.path("triage").path("runbook").asText()).isEqualTo("https://runbooks.example.com/certs");
            assertThat(details.path("triage").path("priority").asText()).isEqualTo("P2");
            assertThat(timeline(details)).contains("Runbook: https://runbooks.example.com/certs (from the alert's runbook_url annotation)");

            String token = server.tocsin().tokens().create("alice", Role.OBSERVER, "test").secret();
            CliRunner.Run show = CliRunner.run(server, token, "incidents", "show", "#" + id);
            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(show.out().lines()).contains("Urgency:  high", "Priority: P2", "Runbook:  https://runbooks.example.com/certs");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void fiftyAlertsFromOneClusterMakeOneIncidentWithinTheWindow(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(START);
        try (TestServer server = start(kind, clock)) {
            TestHttp sender = server.http().anonymous();
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                batch.add("am-" + i);
                batch.add("{\"alertname\":\"DiskUsageHigh\",\"cluster\":\"prod-eu\",\"instance\":\"node-" + i + "\",\"severity\":\"critical\"}");
                batch.add("{\"used_percent\":\"95\"}");
            }
            assertThat(sender.postJson("/integrations/alertmanager/am-storage-0a1b2c3d", alertmanager(batch.toArray(String[]::new)))
                    .status()).isEqualTo(202);
            for (int i = 0; i < 25; i++) {
                clock.advance(Duration.ofSeconds(30));
                TestHttp.Response response = sender.postJson("/v2/enqueue", eventsV2("ev-storage-0a1b2c3d", "ev-" + i, "Disk full",
                        "error", "node-" + i, "{\"labels\":{\"cluster\":\"prod-eu\"}}"));
                assertThat(response.status()).isEqualTo(202);
            }

            JsonNode open = incidents(server, "storage");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("alert_count").asInt()).isEqualTo(50);
            assertThat(open.get(0).path("open_alerts").asInt()).isEqualTo(50);
            JsonNode details = incident(server, open.get(0).path("id").asLong());
            assertThat(details.path("alerts")).hasSize(50);
            assertThat(details.path("triage").path("group_key").asText()).isEqualTo("prod-eu");
            assertThat(timeline(details)).contains("Grouping key 'prod-eu' (by the grouping of service storage): alerts with this key join this incident for 30m")
                    .anyMatch(message -> message.startsWith("Alert ev-24 joined (grouping key 'prod-eu'"));

            sender.postJson("/v2/enqueue", eventsV2("ev-storage-0a1b2c3d", "other-cluster", "Disk full", "error", "node-x",
                    "{\"labels\":{\"cluster\":\"prod-us\"}}"));
            clock.advance(Duration.ofMinutes(31));
            sender.postJson("/v2/enqueue", eventsV2("ev-storage-0a1b2c3d", "after-window", "Disk full", "error", "node-y",
                    "{\"labels\":{\"cluster\":\"prod-eu\"}}"));
            sender.postJson("/v2/enqueue", eventsV2("ev-storage-0a1b2c3d", "no-cluster", "Disk full", "error", "node-z", "{}"));

            JsonNode all = incidents(server, "storage");
            assertThat(all).hasSize(4);
            assertThat(all.get(0).path("alert_count").asInt()).as("no key: its own incident").isEqualTo(1);
            assertThat(all.get(1).path("alert_count").asInt()).as("after the window: a new incident").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void alertsOfOneGroupArrivingAtOnceStillMakeOneIncident(TestDatabases.Kind kind) throws Exception {
        try (TestServer server = start(kind, new SettableClock(START))) {
            TestHttp sender = server.http().anonymous();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String body = eventsV2("ev-storage-0a1b2c3d", "storm-" + i, "Disk full", "error", "node-" + i,
                            "{\"labels\":{\"cluster\":\"prod-eu\"}}");
                    sent.add(pool.submit(() -> sender.postJson("/v2/enqueue", body).status()));
                }
                // and an Alertmanager batch of the same group at the same time (ordered by its integration, not its group)
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.addAll(List.of("storm-am-" + i, "{\"alertname\":\"DiskUsageHigh\",\"cluster\":\"prod-eu\"}", "{}"));
                }
                sent.add(pool.submit(() -> sender.postJson("/integrations/alertmanager/am-storage-0a1b2c3d",
                        alertmanager(batch.toArray(String[]::new))).status()));
                for (Future<Integer> status : sent) assertThat(status.get()).isEqualTo(202);
            } finally {
                pool.shutdownNow();
            }

            JsonNode open = incidents(server, "storage");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("alert_count").asInt()).isEqualTo(50);
        }
    }
}
