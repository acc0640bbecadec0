package dev.tocsin.respond;

import dev.tocsin.auth.Role;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Don't acknowledge an incident out from under someone else": in the example organisation Alice is on call
 * (level 1), Bob is the backup (level 2, after 15 minutes) and Carol is level 3.
 */
class AckGuardTest {
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aResponderWhoWasNotPagedIsRefusedAndOfferedToJoinInstead(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        TestHttp bob = fixture.server.as("bob", Role.RESPONDER);

        TestHttp.Response refused = bob.postJson("/api/v1/incidents/" + id + "/acknowledge", "");
        TestHttp.Response joined = bob.postJson("/api/v1/incidents/" + id + "/join", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("not_paged").contains("you were not paged for #" + id + " (paged: Alice Keller)")
                .contains("join as responder");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(fixture.timelineKinds(id)).contains("joined").doesNotContain("acknowledged");
        assertThat(bob.postJson("/api/v1/incidents/" + id + "/acknowledge", "").status())
                .as("joining offers help; it does not take the incident").isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void everyonePagedAtAnyLevelMayAcknowledge(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        fixture.advance(Duration.ofMinutes(16));   // level 2: Bob is paged now, Alice was at level 1

        TestHttp.Response alice = fixture.server.as("alice", Role.RESPONDER).postJson("/api/v1/incidents/" + id + "/acknowledge", "");

        assertThat(alice.status()).as(alice.body()).isEqualTo(200);
        assertThat(fixture.details(id).incident().acknowledgedBy()).isEqualTo("user:alice");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAdminMayOverrideAndTheTimelineSaysSo(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");

        TestHttp.Response carol = fixture.server.as("carol", Role.ADMIN).postJson("/api/v1/incidents/" + id + "/acknowledge", "");

        assertThat(carol.status()).as(carol.body()).isEqualTo(200);
        assertThat(fixture.timelineKinds(id)).containsSubsequence("acknowledged", "ack_override");
        assertThat(fixture.details(id).timeline()).filteredOn(entry -> entry.kind().equals("ack_override")).singleElement()
                .satisfies(entry -> assertThat(entry.message())
                        .isEqualTo("Admin override: acknowledged by carol via api, who was not paged (paged: Alice Keller)"));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void bySmsTheRefusalOffersToJoinAndJoiningWorks(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");

        TestHttp.Response refused = fixture.smsReply(PagingFixture.BOB, "4 " + id);
        TestHttp.Response joined = fixture.smsReply(PagingFixture.BOB, "join " + id);

        assertThat(refused.body()).contains("you were not paged for #" + id).contains("Reply JOIN " + id);
        assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(joined.body()).contains("Joined #" + id + " as responder");
        assertThat(fixture.timelineKinds(id)).contains("joined");
        assertThat(fixture.smsReply(PagingFixture.ALICE, "4 " + id).body()).contains("Acknowledged #" + id);
    }
}
