package dev.tocsin.respond;

import dev.tocsin.auth.Role;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Handing an incident over only when the other person accepts, and flagging it for the next handover. */
class HandoverApiTest {
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    private long acknowledgedByAlice() {
        long id = fixture.trigger("Checkout failing");
        assertThat(fixture.server.as("alice", Role.RESPONDER).postJson("/api/v1/incidents/" + id + "/acknowledge", "").status())
                .isEqualTo(200);
        return id;
    }

    private List<String> assignees(long id) {
        return fixture.details(id).incident().assignees();
    }

    private List<String> noticeKinds(String userId) {
        return fixture.server.tocsin().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT kind FROM notices WHERE user_id = :user ORDER BY id").bind("user", userId).mapTo(String.class).list());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theIncidentMovesOnlyWhenTheOtherPersonAccepts(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = acknowledgedByAlice();
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        TestHttp bob = fixture.server.as("bob", Role.RESPONDER);
        TestHttp carol = fixture.server.as("carol", Role.RESPONDER);

        TestHttp.Response asked = alice.postJson("/api/v1/incidents/" + id + "/handover",
                "{\"to\":\"bob\",\"note\":\"restarted db-1, watch replication\"}");
        fixture.settle();

        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("handover").path("status").asText()).isEqualTo("asked");
        assertThat(assignees(id)).containsExactly("alice");
        assertThat(noticeKinds("bob")).contains("handover_asked");
        assertThat(carol.postJson("/api/v1/incidents/" + id + "/handover/accept", "").status()).isEqualTo(403);
        assertThat(alice.postJson("/api/v1/incidents/" + id + "/handover", "{\"to\":\"carol\"}").status())
                .as("one handover at a time").isEqualTo(409);

        TestHttp.Response accepted = bob.postJson("/api/v1/incidents/" + id + "/handover/accept", "");
        fixture.settle();

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(assignees(id)).containsExactly("bob");
        assertThat(fixture.timelineKinds(id)).containsSubsequence("handover_asked", "handover_accepted");
        assertThat(noticeKinds("alice")).contains("handover_accepted");
        assertThat(fixture.server.http().get("/api/v1/incidents/" + id + "/handovers").json().path("handovers").get(0)
                .path("status").asText()).isEqualTo("accepted");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void declineAndExpiryLeaveItWhereItWas(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = acknowledgedByAlice();
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        TestHttp bob = fixture.server.as("bob", Role.RESPONDER);

        alice.postJson("/api/v1/incidents/" + id + "/handover", "{\"to\":\"bob\"}");
        TestHttp.Response declined = bob.postJson("/api/v1/incidents/" + id + "/handover/decline", "");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(assignees(id)).containsExactly("alice");

        alice.postJson("/api/v1/incidents/" + id + "/handover", "{\"to\":\"bob\"}");
        fixture.advance(Duration.ofMinutes(31));
        assertThat(assignees(id)).containsExactly("alice");
        assertThat(fixture.timelineKinds(id)).containsSubsequence("handover_asked", "handover_declined", "handover_asked",
                "handover_expired");
        assertThat(bob.postJson("/api/v1/incidents/" + id + "/handover/accept", "").status()).isEqualTo(409);
        assertThat(noticeKinds("alice")).contains("handover_declined", "handover_expired");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void someoneWhoDoesNotHoldTheIncidentCannotHandItOver(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = acknowledgedByAlice();

        TestHttp.Response carol = fixture.server.as("carol", Role.RESPONDER).postJson("/api/v1/incidents/" + id + "/handover",
                "{\"to\":\"bob\"}");
        TestHttp.Response unknown = fixture.server.as("alice", Role.RESPONDER).postJson("/api/v1/incidents/" + id + "/handover",
                "{\"to\":\"zoe\"}");

        assertThat(carol.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fixture.timelineKinds(id)).doesNotContain("handover_asked");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aFlaggedIncidentIsListedForTheNextHandoverUntilCleared(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Replication lag");
        TestHttp bob = fixture.server.as("bob", Role.RESPONDER);

        TestHttp.Response flagged = bob.postJson("/api/v1/incidents/" + id + "/flag", "{\"note\":\"needs the DB team\"}");
        TestHttp.Response open = fixture.server.http().get("/api/v1/flags?open=true");

        assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
        assertThat(open.json().path("flags")).singleElement().satisfies(flag -> {
            assertThat(flag.path("incident_id").asLong()).isEqualTo(id);
            assertThat(flag.path("note").asText()).isEqualTo("needs the DB team");
            assertThat(flag.path("incident_title").asText()).isEqualTo("Replication lag");
        });
        assertThat(fixture.timelineKinds(id)).contains("flagged");
        long flagId = flagged.json().path("flag").path("id").asLong();
        assertThat(bob.postJson("/api/v1/flags/" + flagId + "/clear", "").status()).isEqualTo(200);
        assertThat(fixture.server.http().get("/api/v1/flags?open=true").json().path("flags")).isEmpty();
        assertThat(fixture.server.http().get("/api/v1/flags?open=false").json().path("flags")).hasSize(1);
        assertThat(bob.postJson("/api/v1/incidents/" + id + "/flag", "{\"note\":\"\"}").status()).isEqualTo(400);
    }
}
