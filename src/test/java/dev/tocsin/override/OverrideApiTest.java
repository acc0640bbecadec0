package dev.tocsin.override;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.notice.Notice;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Overrides and take-the-pager through the real server, with who-is-on-call answers and notices. */
class OverrideApiTest {
    private static final Instant WEDNESDAY = Instant.parse("2027-03-24T10:00:00Z");
    private static final String PRIMARY = "/api/v1/schedules/platform-primary";

    static List<String> users(JsonNode answer) {
        List<String> users = new ArrayList<>();
        answer.path("users").forEach(user -> users.add(user.asText()));
        return users;
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anOverrideChangesWhoIsOnCallAndTellsBothPeopleInTheirOwnTime(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp admin = fixture.server.http();
            assertThat(users(admin.get(PRIMARY + "/oncall?at=2027-03-25T10:00:00Z").json())).containsExactly("alice");

            // Local times are read in the schedule's zone: 09:00-13:00 CET is 08:00-12:00Z.
            TestHttp.Response created = admin.postJson(PRIMARY + "/overrides",
                    "{\"user\":\"bob\",\"start\":\"2027-03-25T09:00\",\"end\":\"2027-03-25T13:00\",\"reason\":\"dentist\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode override = created.json().path("override");
            assertThat(override.path("start").asText()).isEqualTo("2027-03-25T08:00:00Z");
            assertThat(override.path("created_by").asText()).isEqualTo("user:admin");
            assertThat(override.path("created_at").asText()).isEqualTo("2027-03-24T10:00:00Z");
            assertThat(created.json().path("warnings")).isEmpty();

            assertThat(users(admin.get(PRIMARY + "/oncall?at=2027-03-25T10:00:00Z").json())).containsExactly("bob");
            assertThat(users(admin.get(PRIMARY + "/oncall?at=2027-03-25T12:00:00Z").json())).containsExactly("alice");
            assertThat(users(admin.get("/api/v1/services/customer-api/oncall?at=2027-03-25T10:00:00Z").json()))
                    .containsExactly("bob");
            JsonNode levels = admin.get("/api/v1/escalation_policies/platform/oncall?at=2027-03-25T10:00:00Z").json().path("levels");
            assertThat(levels).hasSize(3);
            assertThat(users(levels.get(0))).containsExactly("bob");
            assertThat(users(levels.get(2))).containsExactly("carol");

            Notice bobTold = fixture.last("bob", "override_added");
            assertThat(bobTold.body()).contains("You are now on call for Platform primary from Thu 25 Mar 2027 09:00 CET to Thu 25 Mar 2027 13:00 CET");
            Notice aliceTold = fixture.last("alice", "override_added");
            assertThat(aliceTold.body()).contains("no longer on call", "Thu 25 Mar 2027 09:00 CET", "off the hook");
            assertThat(fixture.kinds("carol")).isEmpty();

            // bob removes the override that put him on call; it stays on record as removed by him.
            String id = override.path("id").asText();
            TestHttp.Response removed = fixture.as("bob", Role.RESPONDER).delete("/api/v1/overrides/" + id);
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            assertThat(removed.json().path("override").path("removed_by").asText()).isEqualTo("user:bob");
            assertThat(users(admin.get(PRIMARY + "/oncall?at=2027-03-25T10:00:00Z").json())).containsExactly("alice");
            assertThat(fixture.kinds("alice")).contains("override_removed");
            assertThat(fixture.kinds("bob")).contains("override_removed");
            assertThat(admin.get(PRIMARY + "/overrides?from=2027-03-25T00:00:00Z&to=2027-03-26T00:00:00Z").json()
                    .path("overrides")).isEmpty();
            assertThat(admin.get(PRIMARY + "/overrides?from=2027-03-25T00:00:00Z&to=2027-03-26T00:00:00Z&include_removed=true")
                    .json().path("overrides").get(0).path("reason").asText()).isEqualTo("dentist");
            assertThat(fixture.as("bob", Role.RESPONDER).delete("/api/v1/overrides/" + id).status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void overridesAreValidatedAndOnlyManagersPutOthersOnCall(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp bob = fixture.as("bob", Role.RESPONDER);
            String window = "\"start\":\"2027-03-25T09:00\",\"end\":\"2027-03-25T13:00\"";
            TestHttp.Response backwards = bob.postJson(PRIMARY + "/overrides",
                    "{\"user\":\"bob\",\"start\":\"2027-03-25T13:00\",\"end\":\"2027-03-25T09:00\"}");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.body()).contains("end: must be after start");
            assertThat(bob.postJson(PRIMARY + "/overrides", "{\"user\":\"zed\"," + window + "}").body())
                    .contains("'zed' is not a configured user");
            TestHttp.Response notInLayers = bob.postJson(PRIMARY + "/overrides", "{\"user\":\"bob\",\"replacing\":\"carol\"," + window + "}");
            assertThat(notInLayers.status()).isEqualTo(400);
            assertThat(notInLayers.body()).contains("replacing: 'carol' is not in any layer of schedule 'platform-primary'");
            assertThat(bob.postJson("/api/v1/schedules/nope/overrides", "{\"user\":\"bob\"," + window + "}").status()).isEqualTo(404);
            assertThat(bob.postJson(PRIMARY + "/overrides", "{\"user\":\"bob\",\"start\":\"yesterday\",\"end\":\"2027-03-25T09:00\"}").body())
                    .contains("start: 'yesterday' is not a time");

            TestHttp.Response forSomeoneElse = bob.postJson(PRIMARY + "/overrides", "{\"user\":\"alice\"," + window + "}");
            assertThat(forSomeoneElse.status()).isEqualTo(403);
            assertThat(forSomeoneElse.body()).contains("only an admin or a manager");
            assertThat(fixture.as("carol", Role.OBSERVER).postJson(PRIMARY + "/overrides", "{\"user\":\"carol\"," + window + "}")
                    .status()).isEqualTo(403);

            // alice manages the platform team, whose service pages this schedule; carol is in no layer: allowed, with a warning.
            TestHttp.Response byManager = fixture.as("alice", Role.RESPONDER).postJson(PRIMARY + "/overrides",
                    "{\"user\":\"carol\",\"replacing\":\"alice\"," + window + "}");
            assertThat(byManager.status()).as(byManager.body()).isEqualTo(201);
            assertThat(byManager.json().path("warnings").get(0).asText()).contains("'carol' is not in any layer");
            assertThat(users(fixture.server.http().get(PRIMARY + "/oncall?at=2027-03-25T10:00:00Z").json())).containsExactly("carol");
            // carol's own zone: 09:00 CET is 19:00 AEDT.
            assertThat(fixture.last("carol", "override_added").body()).contains("Thu 25 Mar 2027 19:00 AEDT");
            assertThat(fixture.as("bob", Role.RESPONDER).delete("/api/v1/overrides/"
                    + byManager.json().path("override").path("id").asText()).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void takingThePagerTellsWhoeverHadItTheyAreOffTheHook(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp bob = fixture.as("bob", Role.RESPONDER);
            TestHttp.Response taken = bob.postJson(PRIMARY + "/take-pager", "{\"for\":\"2h\"}");
            assertThat(taken.status()).as(taken.body()).isEqualTo(201);
            assertThat(taken.json().path("override").path("origin").asText()).isEqualTo("take_pager");
            assertThat(taken.json().path("override").path("end").asText()).isEqualTo("2027-03-24T12:00:00Z");
            assertThat(users(bob.get(PRIMARY + "/oncall").json())).containsExactly("bob");
            Notice alice = fixture.last("alice", "pager_taken");
            assertThat(alice.body()).contains("bob took the pager",
                    "no longer on call for Platform primary from Wed 24 Mar 2027 11:00 CET to Wed 24 Mar 2027 13:00 CET");
            assertThat(fixture.kinds("bob")).contains("pager_taken");

            assertThat(bob.postJson(PRIMARY + "/take-pager", "{\"for\":\"2h\",\"until\":\"2027-03-24T18:00\"}").status()).isEqualTo(400);
            assertThat(bob.postJson(PRIMARY + "/take-pager", "{\"for\":\"soon\"}").body()).contains("malformed duration");
            assertThat(bob.postJson(PRIMARY + "/take-pager", "{\"until\":\"2027-03-24T08:00\"}").body()).contains("is not in the future");
            TestHttp.Response until = fixture.as("alice", Role.RESPONDER).postJson(PRIMARY + "/take-pager", "{\"until\":\"2027-03-24T18:00\"}");
            assertThat(until.json().path("override").path("end").asText()).isEqualTo("2027-03-24T17:00:00Z");
            assertThat(users(bob.get(PRIMARY + "/oncall").json())).containsExactly("alice");
        }
    }
}
