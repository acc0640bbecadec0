package dev.tocsin.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.cli.CliRunner;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.tocsin.triage.TriageExamples.alertmanager;
import static dev.tocsin.triage.TriageExamples.eventsV2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of docs/triage.md, loaded from the document, each row of its table asked of the rule tester
 * ({@code POST /api/v1/rules/test}) and of {@code tocsin rules test}. Nothing is stored by the tester.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageDocsTest {
    private TestServer server;
    private TestHttp observer;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.SQLITE, TriageExamples.yaml());
        observer = server.as("alice", Role.OBSERVER);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode test(String query, String body) {
        TestHttp.Response response = observer.postJson("/api/v1/rules/test?" + query, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("events");
    }

    private JsonNode certificate(Object hoursLeft) {
        return test("format=events-v2&service=certificates", eventsV2("x", "cert-1", "Certificate expires", "warning",
                "cert-exporter", "{\"hours_left\":" + hoursLeft + "}")).get(0);
    }

    @Test
    void certificatesWithMoreThan72HoursLeftAreLowUrgencyAnd72OrLessHigh() {
        JsonNode far = certificate(100);
        assertThat(far.path("matched").get(0).path("rule").asText()).isEqualTo("cert-far");
        assertThat(far.path("result").asText()).isEqualTo("incident");
        assertThat(far.path("urgency").asText()).isEqualTo("low");
        assertThat(far.path("urgency_by").asText()).isEqualTo("rule 'cert-far'");
        assertThat(far.path("notes").get(0).path("note").asText()).isEqualTo("More than 72 hours of validity left");

        for (Object near : new Object[]{72, "\"72\"", 10, 72.0}) {
            JsonNode answer = certificate(near);
            assertThat(answer.path("urgency").asText()).as("hours_left " + near).isEqualTo("high");
            assertThat(answer.path("priority").asText()).isEqualTo("P2");
            assertThat(answer.path("matched").get(0).path("rule").asText()).isEqualTo("cert-near");
        }
        assertThat(certificate(73).path("urgency").asText()).isEqualTo("low");
    }

    @Test
    void anAlertmanagerCertificateAnnotationIsReadToo() {
        JsonNode answer = test("key=am-certificates-8c9d0e1f", alertmanager("c1", "{\"alertname\":\"CertExpiry\",\"severity\":\"critical\"}",
                "{\"hours_left\":\"200\"}")).get(0);
        assertThat(answer.path("urgency").asText()).isEqualTo("low");
        assertThat(answer.path("matched").get(0).path("scope").asText()).isEqualTo("top level");
    }

    @Test
    void diskBelowNinetyPercentCanWaitAndIsGroupedByCluster() {
        JsonNode events = test("key=am-storage-0a1b2c3d", alertmanager(
                "d1", "{\"alertname\":\"DiskUsageHigh\",\"cluster\":\"prod-eu\",\"severity\":\"critical\"}", "{\"used_percent\":\"85\"}",
                "d2", "{\"alertname\":\"DiskUsageHigh\",\"cluster\":\"prod-eu\",\"severity\":\"critical\"}", "{\"used_percent\":\"95\"}"));
        assertThat(events.get(0).path("urgency").asText()).isEqualTo("low");
        assertThat(events.get(0).path("urgency_by").asText()).isEqualTo("rule 'disk-below-90' of service storage");
        assertThat(events.get(0).path("group_key").asText()).isEqualTo("prod-eu");
        assertThat(events.get(0).path("group_window").asText()).isEqualTo("30m");
        assertThat(events.get(0).path("runbook").asText()).isEqualTo("https://wiki.example.com/runbooks/storage");
        assertThat(events.get(1).path("matched")).isEmpty();
        assertThat(events.get(1).path("urgency").asText()).isEqualTo("high");
        assertThat(events.get(1).path("urgency_by").asText()).isEqualTo("severity critical");
    }

    @Test
    void podCountDecidesUrgencyPriorityAndRunbook() {
        JsonNode serving = test("format=events-v2&service=kubernetes", eventsV2("x", "p1", "3 pods not ready", "error", "k8s",
                "{\"ready_pods\":2}")).get(0);
        JsonNode down = test("format=events-v2&service=kubernetes", eventsV2("x", "p2", "3 pods not ready", "warning", "k8s",
                "{\"ready_pods\":0}")).get(0);
        assertThat(serving.path("urgency").asText()).isEqualTo("low");
        assertThat(serving.path("priority").asText()).isEqualTo("P3");
        assertThat(down.path("urgency").asText()).isEqualTo("high");
        assertThat(down.path("priority").asText()).isEqualTo("P1");
        assertThat(down.path("runbook").asText()).isEqualTo("https://wiki.example.com/runbooks/pods");
    }

    @Test
    void stagingIsSuppressedLoadBalancerInfoDroppedAndDatabasesRouted() {
        JsonNode staging = test("key=am-storage-0a1b2c3d", alertmanager("s1", "{\"alertname\":\"X\",\"env\":\"staging\"}", "{}")).get(0);
        JsonNode noise = test("format=generic&service=kubernetes",
                "{\"summary\":\"health\",\"severity\":\"info\",\"source\":\"lb-7\"}").get(0);
        JsonNode database = test("format=events-v2&service=kubernetes", eventsV2("x", "db", "replication lag", "error", "db-1",
                "postgres", "{}")).get(0);

        assertThat(staging.path("result").asText()).isEqualTo("suppressed");
        assertThat(staging.path("suppressed_by").asText()).isEqualTo("staging-quiet");
        assertThat(noise.path("result").asText()).isEqualTo("dropped");
        assertThat(database.path("result").asText()).isEqualTo("incident");
        assertThat(database.path("service").asText()).isEqualTo("storage");
        assertThat(database.path("routed_by").asText()).isEqualTo("rule 'databases-to-storage'");
        assertThat(database.path("runbook").asText()).isEqualTo("https://wiki.example.com/runbooks/storage");
    }

    @Test
    void theTesterRefusesWhatItCannotReadWith400AndStoresNothing() {
        assertThat(observer.postJson("/api/v1/rules/test?format=events-v2&service=nope", "{}").status()).isEqualTo(400);
        assertThat(observer.postJson("/api/v1/rules/test?format=smoke-signals&service=storage", "{}").status()).isEqualTo(400);
        assertThat(observer.postJson("/api/v1/rules/test?key=unknown-key-123", "{}").status()).isEqualTo(400);
        assertThat(observer.postJson("/api/v1/rules/test", "{}").status()).isEqualTo(400);
        TestHttp.Response invalid = observer.postJson("/api/v1/rules/test?format=events-v2&service=storage", "{\"event_action\":\"trigger\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("payload");
        assertThat(observer.post("/api/v1/rules/test?format=alertmanager&service=storage", "application/json", "not json").status())
                .isEqualTo(400);
        assertThat(server.http().anonymous().postJson("/api/v1/rules/test?format=generic&service=storage", "{}").status()).isEqualTo(401);
        assertThat(server.tocsin().incidents().findIncident(1)).isEmpty();
    }

    @Test
    void theCliSaysTheSame() throws Exception {
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, eventsV2("x", "cert-cli", "Certificate expires", "warning", "cert-exporter", "{\"hours_left\":100}"));
        String token = server.tocsin().tokens().create("alice", Role.OBSERVER, "test").secret();

        CliRunner.Run run = CliRunner.run(server, token, "rules", "test", "--service", "certificates", "--file", event.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "trigger cert-cli: Certificate expires",
                "  matched: cert-far (top level)",
                "  result: incident on certificates",
                "  urgency: low (rule 'cert-far')",
                "  note: More than 72 hours of validity left (rule 'cert-far')");
        CliRunner.Run bad = CliRunner.run(server, token, "rules", "test", "--service", "nope", "--file", event.toString());
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("service 'nope' is not configured");
        Files.delete(event);
    }
}
