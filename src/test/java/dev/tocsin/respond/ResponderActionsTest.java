package dev.tocsin.respond;

import dev.tocsin.auth.Role;
import dev.tocsin.escalation.Target;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The responder actions' own rules: the sentence they speak, unacknowledge, added responders, refusals. */
class ResponderActionsTest {
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    private ResponderActions actions() {
        return fixture.server.tocsin().responders();
    }

    private static List<String> paged(JsonNode paging) {
        return StreamSupport.stream(paging.path("paged").spliterator(), false).map(page -> page.path("user").asText()).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anOutcomeSaysWhoDidWhatThroughWhichChannelInOneLine(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");

        Outcome acknowledged = actions().acknowledge(actions().act(id, Responder.person("alice"), Channel.SMS));
        Outcome again = actions().acknowledge(actions().act(id, Responder.person("bob"), Channel.API));

        assertThat(acknowledged.sentence()).isEqualTo("#" + id + " acknowledged by Alice Keller (SMS)");
        assertThat(again.changed()).isFalse();
        assertThat(again.sentence()).isEqualTo("Incident #" + id + " is already acknowledged by user:alice");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void unacknowledgingTriggersTheIncidentAgainAndPagesAgain(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        assertThat(alice.postJson("/api/v1/incidents/" + id + "/acknowledge", "").status()).isEqualTo(200);
        fixture.advance(Duration.ofMinutes(5));
        int pushesBefore = fixture.pushes("alice-7f3k2").size();

        TestHttp.Response undone = alice.postJson("/api/v1/incidents/" + id + "/unacknowledge", "");
        fixture.advance(Duration.ofMinutes(2));

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().path("changed").asBoolean()).isTrue();
        assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(fixture.timelineKinds(id)).containsSubsequence("acknowledged", "unacknowledged", "notified");
        assertThat(fixture.pushes("alice-7f3k2")).hasSizeGreaterThan(pushesBefore);
        TestHttp.Response twice = alice.postJson("/api/v1/incidents/" + id + "/unacknowledge", "");
        assertThat(twice.json().path("changed").asBoolean()).isFalse();
        assertThat(twice.json().path("message").asText()).isEqualTo("incident #" + id + " is not acknowledged");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAddedResponderIsPagedAlongsideThoseAlreadyPaged(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);

        TestHttp.Response added = alice.postJson("/api/v1/incidents/" + id + "/responders", "{\"target\":\"user:carol\"}");
        fixture.settle();

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(paged(added.json().path("paging"))).containsExactly("alice", "carol");
        assertThat(added.json().path("paging").path("level").asInt()).isEqualTo(1);
        assertThat(fixture.timelineKinds(id)).contains("responders_added");
        TestHttp.Response again = alice.postJson("/api/v1/incidents/" + id + "/responders", "{\"target\":\"user:carol\"}");
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        assertThat(alice.postJson("/api/v1/incidents/" + id + "/responders", "{\"target\":\"user:nobody\"}").status())
                .isEqualTo(400);
        assertThat(alice.postJson("/api/v1/incidents/" + id + "/responders", "{\"target\":\"carol\"}").status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anObserverIsRefusedByTheServiceWhateverTheChannel(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        Responder observer = new Responder(Actor.user("carol"), Role.OBSERVER);

        assertThatThrownBy(() -> actions().acknowledge(new Act(id, observer, Channel.WEB, fixture.now())))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThatThrownBy(() -> actions().act(id, observer, Channel.SLACK))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        TestHttp.Response viaApi = fixture.server.as("carol", Role.OBSERVER).postJson("/api/v1/incidents/" + id + "/escalate", "");
        assertThat(viaApi.status()).isEqualTo(403);
        assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void refusalsNameTheProblem(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        Act act = actions().act(id, Responder.person("alice"), Channel.API);

        assertThatThrownBy(() -> actions().reassign(act, List.of("alice", "zoe")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.details())
                        .containsExactly("users: 'zoe' is not a configured user"));
        assertThatThrownBy(() -> actions().addNote(act, "x".repeat(ResponderActions.MAX_NOTE_LENGTH + 1)))
                .hasMessage("text: a note is at most 10000 characters");
        assertThatThrownBy(() -> actions().escalate(act, new dev.tocsin.escalation.ManualEscalation.ToTarget(
                new Target(Target.Kind.SCHEDULE, "nights")))).hasMessage("to: schedule:nights is not configured");
        assertThatThrownBy(() -> actions().acknowledge(actions().act(999, Responder.person("alice"), Channel.API)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }
}
