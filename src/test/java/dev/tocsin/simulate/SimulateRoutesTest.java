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
}
