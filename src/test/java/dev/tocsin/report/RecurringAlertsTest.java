package dev.tocsin.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.app.Demo;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring and noisy alerts over HTTP: resolution notes shown to the next incident of the same alert ("what fixed it
 * last time"), how often an alert fired and resolved itself, the noisy-alerts report with pages outside working hours,
 * and follow-ups.
 */
class RecurringAlertsTest {
    /** A Saturday, 03:00 in Zurich: outside alice's working hours (Mon-Fri 08:00-18:00). */
    private static final Instant SATURDAY_NIGHT = Instant.parse("2026-12-05T02:00:00Z");

    private static long trigger(TestServer server, String dedupKey, String summary) {
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedupKey + "\",\"payload\":{\"summary\":\"" + summary
                + "\",\"source\":\"db1\",\"severity\":\"critical\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode incidents = server.http().get("/api/v1/incidents?status=open").json().path("incidents");
        for (JsonNode incident : incidents) {
            if (incident.path("title").asText().equals(summary)) return incident.path("id").asLong();
        }
        throw new AssertionError("no open incident '" + summary + "' in " + incidents);
    }

    private static void resolveAtSource(TestServer server, String dedupKey) {
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"resolve\",\"dedup_key\":\"" + dedupKey + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theNextIncidentOfAnAlertShowsWhatFixedItLastTimeAndHowOftenItFired(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(SATURDAY_NIGHT);
        try (TestServer server = TestServer.start(kind, TestServer.resource("demo/organisation.yaml"), clock)) {
            long first = trigger(server, "disk-db1", "Disk almost full on db1");
            TestHttp.Response resolved = server.as("alice", dev.tocsin.auth.Role.RESPONDER).postJson("/api/v1/incidents/" + first + "/resolve",
                    "{\"resolution\":\"nightly dump filled the disk; removed old dumps\"}");
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            assertThat(server.http().get("/api/v1/incidents/" + first).body())
                    .contains("\"kind\":\"resolution\"").contains("nightly dump filled the disk");

            clock.advance(Duration.ofHours(2));
            long second = trigger(server, "disk-db1", "Disk almost full on db1");
            assertThat(second).isNotEqualTo(first);
            clock.advance(Duration.ofMinutes(3));
            resolveAtSource(server, "disk-db1");
            clock.advance(Duration.ofHours(2));
            long third = trigger(server, "disk-db1", "Disk almost full on db1");

            JsonNode history = server.http().get("/api/v1/incidents/" + third + "/history").json();
            assertThat(history.path("summary").asText())
                    .isEqualTo("Fired 3 times in 7 days, resolved itself once, typically within 3 minutes.");
            JsonNode notes = history.path("last_resolutions");
            assertThat(notes).hasSize(1);
            assertThat(notes.get(0).path("note").asText()).isEqualTo("nightly dump filled the disk; removed old dumps");
            assertThat(notes.get(0).path("incident_id").asLong()).isEqualTo(first);
            assertThat(notes.get(0).path("author").asText()).isEqualTo("user:alice");

            // Another alert has no history; the first incident does not show its own note as "last time".
            long other = trigger(server, "cpu-web1", "CPU high on web1");
            assertThat(server.http().get("/api/v1/incidents/" + other + "/history").json().path("last_resolutions")).isEmpty();
            assertThat(server.http().get("/api/v1/incidents/" + first + "/history").json().path("last_resolutions")).isEmpty();

            // An incident its source resolved still takes a resolution note afterwards.
            TestHttp.Response late = server.http().postJson("/api/v1/incidents/" + second + "/resolve", "{\"resolution\":\"restarted the dump job\"}");
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.json().path("changed").asBoolean()).isFalse();
            assertThat(late.json().path("message").asText()).contains("already resolved; the resolution note is recorded");
            assertThat(server.http().get("/api/v1/incidents/" + third + "/history").json().path("last_resolutions").get(0)
                    .path("note").asText()).isEqualTo("restarted the dump job");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theNoisyReportCountsPagesOutsideWorkingHoursAndFollowUpsAreRaisedOnce(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(SATURDAY_NIGHT);
        try (TestServer server = TestServer.start(kind, TestServer.resource("demo/organisation.yaml"), clock)) {
            long first = trigger(server, "pods-api", "Pod count below 3");
            resolveAtSource(server, "pods-api");
            clock.advance(Duration.ofMinutes(10));
            long second = trigger(server, "pods-api", "Pod count below 3");
            trigger(server, "cert-api", "Certificate expires in 48 hours");

            JsonNode report = server.http().get("/api/v1/reports/noisy?days=7").json();
            JsonNode top = report.path("alerts").get(0);
            assertThat(top.path("summary").asText()).isEqualTo("Pod count below 3");
            assertThat(top.path("fired").asInt()).isEqualTo(2);
            assertThat(top.path("resolved_itself").asInt()).isEqualTo(1);
            assertThat(top.path("latest_incident").asLong()).isEqualTo(second);
            assertThat(top.path("pages").asInt()).as("paged at once through console and more").isGreaterThan(0);
            // On 2026-12-05 the demo's weekly rotation has alice on primary; her working hours are Mon-Fri 08:00-18:00,
            // so her pages on a Saturday night are outside them. Bob and carol have no working hours: none of theirs count.
            assertThat(top.path("pages_outside_working_hours").asInt()).isGreaterThan(0)
                    .isLessThanOrEqualTo(top.path("pages").asInt());

            TestHttp.Response created = server.http().postJson("/api/v1/follow_ups", "{\"incident\":" + first + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("follow_up").path("id").asLong();
            assertThat(created.json().path("follow_up").path("title").asText()).isEqualTo("Recurring: Pod count below 3");
            assertThat(created.json().path("follow_up").path("incident_id").asLong()).isEqualTo(second);
            assertThat(server.http().postJson("/api/v1/follow_ups", "{\"incident\":" + second + ",\"title\":\"again\"}")
                    .json().path("follow_up").path("id").asLong()).as("one open follow-up per alert").isEqualTo(id);
            assertThat(server.http().get("/api/v1/reports/noisy").json().path("alerts").get(0).path("open_follow_up").asLong())
                    .isEqualTo(id);
            assertThat(server.http().postJson("/api/v1/follow_ups/" + id + "/close", "").status()).isEqualTo(200);
            assertThat(server.http().postJson("/api/v1/follow_ups/" + id + "/close", "").status()).isEqualTo(409);
            assertThat(server.http().get("/api/v1/follow_ups").json().path("follow_ups")).isEmpty();
            assertThat(server.http().get("/api/v1/follow_ups?open=false").json().path("follow_ups")).hasSize(1);

            assertThat(server.http().postJson("/api/v1/follow_ups", "{\"incident\":9999}").status()).isEqualTo(404);
            assertThat(server.http().postJson("/api/v1/follow_ups", "{\"title\":\"no incident\"}").status()).isEqualTo(400);
            assertThat(server.http().get("/api/v1/reports/noisy?days=0").status()).isEqualTo(400);
            assertThat(server.http().get("/api/v1/reports/noisy?days=week").status()).isEqualTo(400);
            assertThat(server.http().get("/api/v1/incidents/nonsense/history").status()).isEqualTo(400);
            assertThat(server.http().postJson("/api/v1/incidents/" + second + "/resolve", "{\"resolution\":42}").status()).isEqualTo(400);
            assertThat(server.http().postJson("/api/v1/incidents/" + second + "/resolve",
                    "{\"resolution\":\"" + "x".repeat(10_001) + "\"}").status()).isEqualTo(400);
        }
    }
}
