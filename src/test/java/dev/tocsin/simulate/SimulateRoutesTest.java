package dev.tocsin.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/services/{id}/simulate} on a real server: on-call with overrides, zones, errors. */
class SimulateRoutesTest {
    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");

    private static final String ROUND_ROBIN = """
            users:
              - id: ann
                name: Ann
                contact_methods: [ { id: ann-sms, type: sms, to: "+41790000011" } ]
                notification_rules: { high: [ { after: 0m, via: ann-sms } ] }
              - id: ben
                name: Ben
                contact_methods: [ { id: ben-sms, type: sms, to: "+41790000012" } ]
                notification_rules: { high: [ { after: 0m, via: ben-sms } ] }
            escalation_policies:
              - id: turns
                levels:
                  - { notify: [ "user:ann", "user:ben" ], assign: round_robin }
            services:
              - id: customer-api
                name: Customer API
                escalation_policy: turns
                integrations: [ { type: events-v2, key: 3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e } ]
            providers:
              twilio: { account_sid: "${TWILIO_ACCOUNT_SID}", auth_token: "${TWILIO_AUTH_TOKEN}", from: "+15550100", api_url: "https://api.twilio.com" }
            """;

    private static String organisation() {
        return TestServer.resource("config/example.yaml");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void simulatesWhoIsOnCallWithOverridesReadingLocalTimesInThePrimarySchedulesZone(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, organisation(), new SettableClock(NOW))) {
            TestHttp observer = server.as("carol", Role.OBSERVER);
            JsonNode answer = observer.get("/api/v1/services/customer-api/simulate?at=2026-12-24T03:00&ack_after=1m").json();
            assertThat(answer.path("at").asText()).isEqualTo("2026-12-24T02:00:00Z");
            assertThat(answer.path("timezone").asText()).isEqualTo("Europe/Zurich");
            assertThat(answer.path("ack_after").asText()).isEqualTo("1m");
            JsonNode first = answer.path("steps").get(1);
            assertThat(first.path("kind").asText()).isEqualTo("notify");
            assertThat(first.path("user").asText()).isEqualTo("bob");
            assertThat(first.path("contact_method").path("type").asText()).isEqualTo("sms");
            assertThat(first.path("offset").asText()).isEqualTo("+0m");

            var created = server.http().postJson("/api/v1/schedules/platform-primary/overrides",
                    "{\"user\": \"carol\", \"start\": \"2026-12-24T00:00\", \"end\": \"2026-12-25T00:00\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode overridden = observer.get("/api/v1/services/customer-api/simulate?at=2026-12-24T02:00:00Z&ack_after=1m").json();
            assertThat(overridden.path("steps").get(1).path("user").asText()).isEqualTo("carol");
            assertThat(overridden.path("steps").get(1).path("contact_method").path("id").asText()).isEqualTo("carol-mail");

            JsonNode low = observer.get("/api/v1/services/customer-api/simulate?at=2026-12-24T02:00:00Z&ack_after=1m&urgency=low").json();
            assertThat(low.path("urgency").asText()).isEqualTo("low");

            assertThat(observer.get("/api/v1/services/missing/simulate").status()).isEqualTo(404);
            assertThat(observer.get("/api/v1/services/customer-api/simulate?urgency=urgent").status()).isEqualTo(400);
            assertThat(observer.anonymous().get("/api/v1/services/customer-api/simulate").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aRoundRobinLevelIsSimulatedAtTheStoredTurnWhichTheSimulationLeavesAlone(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ROUND_ROBIN, new SettableClock(NOW))) {
            TestHttp observer = server.as("ann", Role.OBSERVER);
            JsonNode fresh = observer.get("/api/v1/services/customer-api/simulate?ack_after=5m").json();
            assertThat(fresh.path("steps").get(1).path("user").asText()).isEqualTo("ann");
            assertThat(fresh.path("round_robin").get(0).path("stored_position").isNumber()).as("no turn stored yet").isFalse();

            assertThat(assigneesOfNewIncident(server)).containsExactly("ann");

            JsonNode answer = observer.get("/api/v1/services/customer-api/simulate?ack_after=5m").json();
            assertThat(answer.path("steps").get(0).path("event").asText()).isEqualTo("paged");
            assertThat(answer.path("steps").get(0).path("message").asText()).contains("ben", "round robin turn 2 of 2");
            assertThat(answer.path("steps").get(1).path("user").asText()).isEqualTo("ben");
            JsonNode turn = answer.path("round_robin").get(0);
            assertThat(turn.path("level").asInt()).isEqualTo(1);
            assertThat(turn.path("stored_position").asInt()).isEqualTo(1);
            assertThat(turn.path("user").asText()).isEqualTo("ben");
            assertThat(turn.path("turn").asInt()).isEqualTo(2);
            assertThat(turn.path("of").asInt()).isEqualTo(2);
            assertThat(turn.path("offset").asText()).isEqualTo("+0m");
            assertThat(answer.path("cannot_know")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(Simulation.CANNOT_KNOW);

            assertThat(assigneesOfNewIncident(server)).as("simulating took no turn").containsExactly("ben");
        }
    }

    private static java.util.List<String> assigneesOfNewIncident(TestServer server) {
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Checkout down","source":"db-1","severity":"critical"}}"""
                .formatted(java.util.UUID.randomUUID()));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        long id = server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
        return server.tocsin().incidents().find(id).orElseThrow().incident().assignees();
    }
}
