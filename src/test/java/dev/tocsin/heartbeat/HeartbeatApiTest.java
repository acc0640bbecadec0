package dev.tocsin.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.time.Duration;

import static dev.tocsin.heartbeat.HeartbeatFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The ping endpoint and the heartbeats API through a real server, with the clock and the timer engine driven by hand. */
class HeartbeatApiTest {
    private static final String ORGANISATION = HeartbeatFixture.ORGANISATION + """
              - { id: queue-worker, service: billing, interval: 1m, grace: 30s, key: queue-ping-key-01 }
            """;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void pingsAnswer404ForAnUnknownHeartbeatAnd403ForAMissingOrWrongKey(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ORGANISATION, new SettableClock(START))) {
            TestHttp sender = server.http().anonymous();

            TestHttp.Response unknown = sender.post("/integrations/heartbeat/nightly-bakup", "text/plain", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error").path("message").asText()).isEqualTo("heartbeat 'nightly-bakup' does not exist");

            TestHttp.Response missing = sender.post("/integrations/heartbeat/queue-worker", "text/plain", "");
            assertThat(missing.status()).isEqualTo(403);
            assertThat(missing.json().path("error").path("message").asText()).contains("needs its key");
            assertThat(sender.get("/integrations/heartbeat/queue-worker?key=queue-ping-key-02").status()).isEqualTo(403);
            assertThat(server.http().post("/integrations/heartbeat/queue-worker", "text/plain", "").status())
                    .as("an API token is not the heartbeat's key").isEqualTo(403);
            assertThat(server.tocsin().heartbeats().get("queue-worker").pings()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPingByPostOrGetWithTheKeyInTheQueryOrAsBearerIsRecorded(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ORGANISATION, new SettableClock(START))) {
            TestHttp sender = server.http().anonymous();

            TestHttp.Response post = sender.post("/integrations/heartbeat/queue-worker?key=queue-ping-key-01", "text/plain", "");
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.json().path("status").asText()).isEqualTo("ok");
            assertThat(post.json().path("previous_state").asText()).isEqualTo("never");
            assertThat(post.json().path("due_at").asText()).isEqualTo("2026-11-25T03:01:30Z");
            TestHttp.Response bearer = sender.send(sender.builder("/integrations/heartbeat/queue-worker")
                    .header("Authorization", "Bearer queue-ping-key-01").GET());
            assertThat(bearer.status()).isEqualTo(200);
            assertThat(sender.get("/integrations/heartbeat/nightly-backup").status()).isEqualTo(200);

            assertThat(sender.get("/api/v1/heartbeats").status()).isEqualTo(401);
            JsonNode list = server.as("olga", Role.OBSERVER).get("/api/v1/heartbeats").json().path("heartbeats");
            assertThat(list).hasSize(2);
            JsonNode queue = list.get(1);
            assertThat(queue.path("id").asText()).isEqualTo("queue-worker");
            assertThat(queue.path("service").asText()).isEqualTo("billing");
            assertThat(queue.path("interval").asText()).isEqualTo("1m");
            assertThat(queue.path("grace").asText()).isEqualTo("30s");
            assertThat(queue.path("key_required").asBoolean()).isTrue();
            assertThat(queue.path("state").asText()).isEqualTo("ok");
            assertThat(queue.path("pings").asLong()).isEqualTo(2);
            assertThat(queue.path("last_ping_at").asText()).isEqualTo("2026-11-25T03:00:00Z");
            assertThat(queue.toString()).doesNotContain("queue-ping-key-01");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSilentHeartbeatOpensAnIncidentShownOnTheTimelineAndThePingResolvesIt(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(START);
        try (TestServer server = TestServer.start(kind, ORGANISATION, clock)) {
            TestHttp sender = server.http().anonymous();
            sender.post("/integrations/heartbeat/nightly-backup", "text/plain", "");

            clock.advance(Duration.ofMinutes(7));
            server.tocsin().timers().runDue(clock.instant());
            server.tocsin().timers().runDue(clock.instant());

            JsonNode heartbeat = server.http().get("/api/v1/heartbeats/nightly-backup").json().path("heartbeat");
            assertThat(heartbeat.path("state").asText()).isEqualTo("expired");
            long incidentId = heartbeat.path("incident_id").asLong();
            JsonNode incidents = server.http().get("/api/v1/incidents").json().path("incidents");
            assertThat(incidents).extracting(incident -> incident.path("service_id").asText())
                    .as("the keyed queue-worker never pinged either").containsExactlyInAnyOrder("backups", "billing");
            JsonNode details = server.http().get("/api/v1/incidents/" + incidentId).json();
            assertThat(details.path("incident").path("service_id").asText()).isEqualTo("backups");
            JsonNode triggered = details.path("timeline").get(0);
            assertThat(triggered.path("kind").asText()).isEqualTo("triggered");
            assertThat(triggered.path("actor").asText()).isEqualTo("integration:heartbeat");
            assertThat(triggered.path("message").asText()).isEqualTo("Triggered by heartbeat alert: Heartbeat Nightly backup "
                    + "missed: no ping since 2026-11-25T03:00:00Z (interval 5m, grace 1m)");

            TestHttp.Response ping = sender.send(sender.builder("/integrations/heartbeat/nightly-backup")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.json().path("resolved_incident_id").asLong()).isEqualTo(incidentId);
            assertThat(server.http().get("/api/v1/incidents/" + incidentId).json().path("incident").path("status").asText())
                    .isEqualTo("resolved");
            assertThat(server.http().get("/api/v1/heartbeats/nightly-backup").json().path("heartbeat").path("state").asText())
                    .isEqualTo("ok");
            assertThat(server.http().get("/api/v1/heartbeats/nope").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void adminsCreateReplaceAndDeleteHeartbeatsThroughTheApi(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ORGANISATION, new SettableClock(START))) {
            String body = "{\"id\": \"etl\", \"service\": \"billing\", \"interval\": \"1h\", \"key\": \"etl-ping-key-0001\"}";
            assertThat(server.as("rita", Role.RESPONDER).postJson("/api/v1/heartbeats", body).status()).isEqualTo(403);

            TestHttp.Response created = server.http().postJson("/api/v1/heartbeats", body);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("heartbeat").path("state").asText()).isEqualTo("never");
            assertThat(created.json().path("heartbeat").path("grace").asText()).isEqualTo("1m");
            assertThat(created.json().path("heartbeat").path("due_at").asText()).isEqualTo("2026-11-25T04:01:00Z");
            assertThat(server.http().postJson("/api/v1/heartbeats", body).status()).isEqualTo(409);

            TestHttp.Response replaced = server.http().putJson("/api/v1/heartbeats/etl",
                    "{\"service\": \"billing\", \"interval\": \"2h\", \"key\": \"***\"}");
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().path("heartbeat").path("due_at").asText()).isEqualTo("2026-11-25T05:01:00Z");
            assertThat(server.http().anonymous().get("/integrations/heartbeat/etl?key=etl-ping-key-0001").status())
                    .as("the masked key kept the stored one").isEqualTo(200);

            TestHttp.Response invalid = server.http().putJson("/api/v1/heartbeats/etl",
                    "{\"service\": \"biling\", \"interval\": \"2h\"}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().path("error").path("details").get(0).asText())
                    .isEqualTo("heartbeats[etl].service: unknown service 'biling' (did you mean 'billing'?)");
            assertThat(server.http().get("/api/v1/config/export").body()).contains("id: etl", "${TOCSIN_HEARTBEAT_ETL_KEY}");

            assertThat(server.http().delete("/api/v1/heartbeats/etl").status()).isEqualTo(200);
            assertThat(server.http().get("/api/v1/heartbeats/etl").status()).isEqualTo(404);
            assertThat(server.http().anonymous().get("/integrations/heartbeat/etl").status()).isEqualTo(404);
        }
    }
}
