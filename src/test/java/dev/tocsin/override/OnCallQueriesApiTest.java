package dev.tocsin.override;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static dev.tocsin.override.OverrideApiTest.users;
import static org.assertj.core.api.Assertions.assertThat;

/** The read-only questions: who per schedule (with next and previous), per policy level, shifts, gaps. */
class OnCallQueriesApiTest {
    private static final Instant WEDNESDAY = Instant.parse("2027-03-24T10:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void observersSeeWhoIsOnCallNextAndPreviousAndEachPersonsShifts(TestDatabases.Kind kind) {
        String yaml = dev.tocsin.testing.TestServer.resource("config/example.yaml")
                .replace("- { notify: [ \"user:carol\" ] }", "- { notify: [ \"team:platform\" ] }");
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY, yaml)) {
            TestHttp observer = fixture.as("carol", Role.OBSERVER);
            JsonNode now = observer.get("/api/v1/schedules/platform-primary/oncall").json();
            assertThat(now.path("at").asText()).isEqualTo("2027-03-24T10:00:00Z");
            assertThat(users(now)).containsExactly("alice");
            assertThat(now.path("next").path("start").asText()).isEqualTo("2027-03-29T07:00:00Z");
            assertThat(users(now.path("next"))).containsExactly("bob");
            assertThat(now.path("previous").path("end").asText()).isEqualTo("2027-03-22T08:00:00Z");
            assertThat(users(now.path("previous"))).containsExactly("bob");

            JsonNode levels = observer.get("/api/v1/escalation_policies/platform/oncall").json().path("levels");
            assertThat(users(levels.get(0))).containsExactly("alice");
            assertThat(users(levels.get(1))).containsExactly("bob");
            assertThat(levels.get(2).path("targets").get(0).asText()).isEqualTo("team:platform");
            assertThat(users(levels.get(2))).containsExactly("alice", "bob", "carol");

            JsonNode shifts = observer.get("/api/v1/users/bob/shifts?from=2027-03-20T00:00&to=2027-04-10T00:00").json();
            assertThat(shifts.path("from").asText()).isEqualTo("2027-03-19T23:00:00Z"); // bob's zone: Europe/Zurich
            assertThat(shifts.path("shifts")).extracting(shift -> shift.path("schedule_id").asText() + " "
                    + shift.path("start").asText() + " " + shift.path("end").asText()).containsExactly(
                    "platform-primary 2027-03-19T23:00:00Z 2027-03-22T08:00:00Z",
                    "platform-backup 2027-03-22T08:00:00Z 2027-03-29T07:00:00Z",
                    "platform-primary 2027-03-29T07:00:00Z 2027-04-05T07:00:00Z",
                    "platform-backup 2027-04-05T07:00:00Z 2027-04-09T22:00:00Z");
            assertThat(observer.get("/api/v1/schedules/platform-primary/shifts?user=bob&from=2027-03-20T00:00&to=2027-04-10T00:00")
                    .json().path("shifts")).hasSize(2);
            assertThat(observer.get("/api/v1/gaps").json().path("gaps")).isEmpty();
            assertThat(observer.get("/api/v1/gaps").json().path("days").asInt()).isEqualTo(14);

            assertThat(observer.get("/api/v1/schedules/platform-primary/shifts?from=2027-03-20T00:00&to=2027-03-19T00:00").body())
                    .contains("to: must be after from");
            assertThat(observer.get("/api/v1/schedules/platform-primary/shifts?from=2027-01-01T00:00&to=2028-06-01T00:00").status())
                    .isEqualTo(400);
            assertThat(observer.get("/api/v1/gaps?days=0").body()).contains("days: must be a whole number from 1 to 366");
            assertThat(observer.get("/api/v1/schedules/platform-primary/oncall?at=tomorrow").status()).isEqualTo(400);
            assertThat(observer.get("/api/v1/services/nope/oncall").status()).isEqualTo(404);
            assertThat(observer.get("/api/v1/users/nope/shifts").status()).isEqualTo(404);
            assertThat(fixture.server.http().anonymous().get("/api/v1/gaps").status()).isEqualTo(401);
        }
    }
}
