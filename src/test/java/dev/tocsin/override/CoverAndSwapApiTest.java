package dev.tocsin.override;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;

import static dev.tocsin.override.OverrideApiTest.users;
import static org.assertj.core.api.Assertions.assertThat;

/** "Cover me" and swaps through the real server: requests, answers, expiry, and who was told. */
class CoverAndSwapApiTest {
    private static final Instant WEDNESDAY = Instant.parse("2027-03-24T10:00:00Z");
    private static final String PRIMARY = "/api/v1/schedules/platform-primary";

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aColleagueAcceptsCoverAndBecomesTheOverride(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp alice = fixture.as("alice", Role.RESPONDER);
            TestHttp bob = fixture.as("bob", Role.RESPONDER);
            TestHttp.Response asked = alice.postJson(PRIMARY + "/cover_requests",
                    "{\"user\":\"bob\",\"start\":\"2027-03-26T09:00\",\"end\":\"2027-03-26T13:00\",\"reason\":\"dentist\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            JsonNode request = asked.json().path("cover_request");
            String id = request.path("id").asText();
            assertThat(request.path("status").asText()).isEqualTo("open");
            assertThat(request.path("expires_at").asText()).isEqualTo("2027-03-26T08:00:00Z");
            assertThat(fixture.last("bob", "cover_requested").body()).contains("alice asks you", "tocsin cover accept " + id);

            assertThat(fixture.as("carol", Role.RESPONDER).postJson("/api/v1/cover_requests/" + id + "/accept", "{}").status())
                    .isEqualTo(403);
            TestHttp.Response accepted = bob.postJson("/api/v1/cover_requests/" + id + "/accept", "{}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().path("cover_request").path("status").asText()).isEqualTo("accepted");
            assertThat(users(bob.get(PRIMARY + "/oncall?at=2027-03-26T10:00:00Z").json())).containsExactly("bob");
            JsonNode override = bob.get("/api/v1/overrides/" + accepted.json().path("cover_request").path("override_id").asText())
                    .json().path("override");
            assertThat(override.path("replacing").asText()).isEqualTo("alice");
            assertThat(override.path("origin").asText()).isEqualTo("cover");

            assertThat(fixture.last("alice", "cover_accepted").body()).contains("bob accepted alice's request", "off the hook");
            assertThat(fixture.last("bob", "cover_accepted").body()).contains("You are now on call");
            assertThat(fixture.last("carol", "cover_accepted").body()).contains("bob is on call instead of alice",
                    "Fri 26 Mar 2027 19:00 AEDT");

            TestHttp.Response again = bob.postJson("/api/v1/cover_requests/" + id + "/accept", "{}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("was already accepted by bob");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aTeamRequestStaysOpenUntilEveryoneDeclinedAndAnUnansweredOneExpires(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp alice = fixture.as("alice", Role.RESPONDER);
            assertThat(alice.postJson(PRIMARY + "/cover_requests", "{\"start\":\"2027-03-29T09:00\",\"end\":\"2027-03-29T12:00\"}")
                    .body()).contains("'alice' is not on call"); // bob's week
            String team = alice.postJson(PRIMARY + "/cover_requests", "{\"start\":\"2027-03-26T09:00\",\"end\":\"2027-03-26T13:00\"}")
                    .json().path("cover_request").path("id").asText();
            assertThat(fixture.kinds("bob")).contains("cover_requested");
            assertThat(fixture.kinds("carol")).contains("cover_requested");

            JsonNode afterBob = fixture.as("bob", Role.RESPONDER).postJson("/api/v1/cover_requests/" + team + "/decline", "{}")
                    .json().path("cover_request");
            assertThat(afterBob.path("status").asText()).isEqualTo("open");
            assertThat(fixture.kinds("alice")).doesNotContain("cover_declined");
            JsonNode afterCarol = fixture.as("carol", Role.RESPONDER).postJson("/api/v1/cover_requests/" + team + "/decline", "{}")
                    .json().path("cover_request");
            assertThat(afterCarol.path("status").asText()).isEqualTo("declined");
            assertThat(afterCarol.path("declined_by")).hasSize(2);
            assertThat(fixture.last("alice", "cover_declined").body()).contains("Everyone asked declined");

            String unanswered = alice.postJson(PRIMARY + "/cover_requests", "{\"start\":\"2027-03-26T09:00\",\"end\":\"2027-03-26T13:00\"}")
                    .json().path("cover_request").path("id").asText();
            fixture.clock.set(Instant.parse("2027-03-26T08:00:00Z"));
            TestHttp.Response late = fixture.as("carol", Role.RESPONDER).postJson("/api/v1/cover_requests/" + unanswered + "/accept", "{}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("expired at 2027-03-26T08:00:00Z");
            assertThat(fixture.last("alice", "cover_expired").subject()).contains(unanswered);
            assertThat(users(alice.get(PRIMARY + "/oncall?at=2027-03-26T10:00:00Z").json())).containsExactly("alice");
            assertThat(alice.get("/api/v1/cover_requests?status=expired").json().path("cover_requests")).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSwapNeedsBothAndTradesTheWeeksAcrossTheDstChange(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, Instant.parse("2027-03-20T10:00:00Z"))) {
            TestHttp alice = fixture.as("alice", Role.RESPONDER);
            TestHttp bob = fixture.as("bob", Role.RESPONDER);
            // alice's week starts Mon 22 Mar 09:00 CET; bob's Mon 29 Mar 09:00 CEST (the day after the change).
            TestHttp.Response requested = alice.postJson("/api/v1/swaps", "{\"schedule\":\"platform-primary\","
                    + "\"start\":\"2027-03-22T09:00\",\"with\":\"bob\",\"their_start\":\"2027-03-29T09:00\",\"reason\":\"travel\"}");
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            JsonNode swap = requested.json().path("swap");
            assertThat(swap.path("start").asText()).isEqualTo("2027-03-22T08:00:00Z");
            assertThat(swap.path("end").asText()).isEqualTo("2027-03-29T07:00:00Z");
            assertThat(swap.path("other_end").asText()).isEqualTo("2027-04-05T07:00:00Z");
            String id = swap.path("id").asText();
            assertThat(fixture.last("bob", "swap_requested").body()).contains("alice offers you", "tocsin swap accept " + id);
            assertThat(users(alice.get(PRIMARY + "/oncall?at=2027-03-24T10:00:00Z").json())).containsExactly("alice");

            assertThat(alice.postJson("/api/v1/swaps/" + id + "/accept", "{}").status()).isEqualTo(403);
            TestHttp.Response accepted = bob.postJson("/api/v1/swaps/" + id + "/accept", "{}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().path("swap").path("override_ids")).hasSize(2);
            assertThat(users(alice.get(PRIMARY + "/oncall?at=2027-03-24T10:00:00Z").json())).containsExactly("bob");
            assertThat(users(alice.get(PRIMARY + "/oncall?at=2027-03-30T10:00:00Z").json())).containsExactly("alice");
            assertThat(fixture.last("alice", "swap_accepted").body())
                    .contains("You are now on call for Platform primary from Mon 29 Mar 2027 09:00 CEST to Mon 5 Apr 2027 09:00 CEST");
            assertThat(fixture.last("bob", "swap_accepted").body())
                    .contains("You are now on call for Platform primary from Mon 22 Mar 2027 09:00 CET to Mon 29 Mar 2027 09:00 CEST");

            // A declined swap changes nothing; answering it again is a conflict naming why.
            String second = alice.postJson("/api/v1/swaps", "{\"schedule\":\"platform-primary\","
                    + "\"start\":\"2027-04-05T09:00\",\"with\":\"bob\",\"their_start\":\"2027-04-12T09:00\"}").json().path("swap").path("id").asText();
            assertThat(bob.postJson("/api/v1/swaps/" + second + "/decline", "{}").json().path("swap").path("status").asText())
                    .isEqualTo("declined");
            assertThat(fixture.last("alice", "swap_declined").subject()).contains("bob declined");
            TestHttp.Response late = bob.postJson("/api/v1/swaps/" + second + "/accept", "{}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("was declined by bob");

            String third = alice.postJson("/api/v1/swaps", "{\"schedule\":\"platform-primary\","
                    + "\"start\":\"2027-04-05T09:00\",\"with\":\"bob\",\"their_start\":\"2027-04-12T09:00\"}").json().path("swap").path("id").asText();
            fixture.clock.set(Instant.parse("2027-04-05T07:00:00Z").plus(Duration.ofMinutes(1)));
            assertThat(bob.postJson("/api/v1/swaps/" + third + "/accept", "{}").body()).contains("expired");
            assertThat(fixture.kinds("alice")).contains("swap_expired");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theRequesterHearsThatNobodyAnsweredWhenTheWindowStartsWithoutAnyoneLooking(TestDatabases.Kind kind) {
        try (OnCallFixture fixture = new OnCallFixture(kind, WEDNESDAY)) {
            TestHttp alice = fixture.as("alice", Role.RESPONDER);
            String id = alice.postJson(PRIMARY + "/cover_requests", "{\"user\":\"bob\",\"start\":\"2027-03-26T09:00\",\"end\":\"2027-03-26T13:00\"}")
                    .json().path("cover_request").path("id").asText();
            fixture.server.tocsin().requestExpiry().runOnce();
            assertThat(fixture.kinds("alice")).doesNotContain("cover_expired");
            fixture.clock.set(Instant.parse("2027-03-26T08:00:00Z"));
            fixture.server.tocsin().requestExpiry().runOnce();
            assertThat(fixture.last("alice", "cover_expired").body()).contains("Fri 26 Mar 2027 09:00 CET", "still on call");
            fixture.server.tocsin().requestExpiry().runOnce();
            assertThat(fixture.kinds("alice").stream().filter("cover_expired"::equals)).hasSize(1);
            assertThat(alice.get("/api/v1/cover_requests/" + id).json().path("cover_request").path("status").asText())
                    .isEqualTo("expired");
        }
    }
}
