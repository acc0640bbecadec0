package dev.tocsin.respond;

import dev.tocsin.actionlink.LinkAction;
import dev.tocsin.auth.Role;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every channel that acts on incidents today — the REST API, SMS replies, voice keypresses and action links —
 * goes through the one responder-actions service: acknowledging, escalating and resolving an incident through
 * each leaves the same timeline, entry for entry, differing only in the channel it names.
 */
class ResponderChannelsTest {
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    /** One way to act on an incident as alice. */
    private interface Way {
        void act(long incidentId, String what);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void acknowledgeEscalateAndResolveLeaveTheSameTimelineThroughEveryChannel(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        Map<Channel, Way> ways = new LinkedHashMap<>();
        ways.put(Channel.API, (id, what) -> assertThat(alice.postJson("/api/v1/incidents/" + id + "/" + what, "").status())
                .isEqualTo(200));
        ways.put(Channel.SMS, (id, what) -> assertThat(fixture.smsReply(PagingFixture.ALICE, digit(what) + " " + id).body())
                .doesNotContain("not changed").doesNotContain("does not exist"));
        ways.put(Channel.VOICE, (id, what) -> assertThat(fixture.twilio("/webhooks/twilio/voice?incident=" + id,
                Map.of("To", PagingFixture.ALICE, "From", "+15550100", "CallSid", "CA" + id + what, "Digits", digit(what))).body())
                .contains("Goodbye"));
        ways.put(Channel.EMAIL, (id, what) -> {
            String url = fixture.server.tocsin().database().writeAndWait(handle -> fixture.server.tocsin().actionLinks()
                    .create(handle, id, "alice", LinkAction.fromWireName(what).orElseThrow(), Channel.EMAIL, fixture.now()));
            TestHttp anonymous = fixture.server.http().anonymous();
            assertThat(anonymous.send(anonymous.builder(URI.create(url).getPath()).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
            fixture.settle();
        });

        Map<Channel, List<String>> timelines = new LinkedHashMap<>();
        for (Map.Entry<Channel, Way> way : ways.entrySet()) {
            long id = fixture.trigger("Checkout failing via " + way.getKey().wireName());
            fixture.advance(Duration.ofMinutes(1));
            way.getValue().act(id, "acknowledge");
            fixture.advance(Duration.ofMinutes(1));
            way.getValue().act(id, "escalate");
            fixture.advance(Duration.ofMinutes(1));
            way.getValue().act(id, "resolve");
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.RESOLVED);

            List<TimelineEntry> byAlice = fixture.details(id).timeline().stream()
                    .filter(entry -> Actor.user("alice").equals(entry.actor())).toList();
            assertThat(byAlice).extracting(TimelineEntry::channel).containsOnly(way.getKey());
            timelines.put(way.getKey(), byAlice.stream().map(TimelineEntry::kind).toList());
        }

        assertThat(timelines.get(Channel.API)).containsExactly("acknowledged", "retriggered", "escalated_manually", "resolved");
        assertThat(new ArrayList<>(timelines.values())).allSatisfy(kinds -> assertThat(kinds).isEqualTo(timelines.get(Channel.API)));
    }

    private static String digit(String what) {
        return switch (what) {
            case "acknowledge" -> "4";
            case "resolve" -> "6";
            case "escalate" -> "8";
            default -> throw new IllegalArgumentException(what);
        };
    }
}
