package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's story with the example configuration and local fakes: an event for customer-api pages the primary
 * (alice) through her own rules, the backup (bob) after 15 minutes without an acknowledgement, and bob's SMS reply
 * "4" acknowledges and stops everything, all on the timeline.
 */
class PagingScenarioTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void primaryThenBackupThenSmsReplyFourStopsEverything(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            long id = fixture.trigger("Checkout latency above 2 s");
            assertThat(fixture.details(id).incident().assignees()).containsExactly("alice");
            var shown = fixture.server.http().get("/api/v1/incidents/" + id).json().path("paging");
            assertThat(shown.path("level").asInt()).isEqualTo(1);
            assertThat(shown.path("explanation").asText()).contains("level 1 of 3, round 1 of 3, escalates at "
                    + PagingFixture.START.plus(Duration.ofMinutes(15))).contains("alice at level 1")
                    .contains("on call in schedule:platform-primary");
            assertThat(fixture.pushes("alice-7f3k2")).isEmpty();   // her first rule is push after 1 minute

            fixture.advance(Duration.ofMinutes(1));
            assertThat(fixture.pushes("alice-7f3k2")).hasSize(1);
            assertThat(fixture.pushes("alice-7f3k2").get(0).path("priority").asInt()).isEqualTo(5);
            assertThat(fixture.pushes("alice-7f3k2").get(0).path("message").asText()).contains("Customer API");

            fixture.advance(Duration.ofMinutes(1));
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.ALICE);
            assertThat(PagingFixture.form(fixture.requests(PagingFixture.MESSAGES).get(0).getBodyAsString()).get("Body"))
                    .contains("#" + id).contains("Checkout latency above 2 s").contains("Customer API")
                    .contains("Reply 4 to acknowledge #" + id + ", 6 to resolve, 8 to escalate.");
            assertThat(fixture.recipients(PagingFixture.CALLS)).containsExactly(PagingFixture.ALICE);
            assertThat(PagingFixture.form(fixture.requests(PagingFixture.CALLS).get(0).getBodyAsString()).get("Url"))
                    .endsWith("/webhooks/twilio/voice?incident=" + id);

            fixture.advance(Duration.ofMinutes(12));   // +14m: voice repeated at +7m and +12m, nobody else yet
            assertThat(fixture.recipients(PagingFixture.CALLS)).hasSize(3);
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.ALICE);

            fixture.advance(Duration.ofMinutes(1));    // +15m: escalate_after of level 1
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.ALICE, PagingFixture.BOB);
            assertThat(fixture.details(id).incident().assignees()).containsExactly("bob");

            TestHttp.Response reply = fixture.smsReply(PagingFixture.BOB, "4");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("Acknowledged #" + id);
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

            int calls = fixture.recipients(PagingFixture.CALLS).size();
            int messages = fixture.recipients(PagingFixture.MESSAGES).size();
            fixture.advance(Duration.ofHours(2));
            assertThat(fixture.recipients(PagingFixture.CALLS)).hasSize(calls);
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).hasSize(messages);

            var timeline = fixture.details(id).timeline();
            assertThat(fixture.timelineKinds(id)).containsSubsequence("triggered", "paged", "notified", "notified",
                    "escalated", "paged", "notified", "acknowledged", "escalation_stopped");
            assertThat(timeline).anySatisfy(entry -> {
                assertThat(entry.kind()).isEqualTo("acknowledged");
                assertThat(entry.channel()).isEqualTo(Channel.SMS);
                assertThat(entry.actor().id()).isEqualTo("bob");
            });
            assertThat(timeline.stream().filter(entry -> entry.kind().equals("notified")).map(TimelineEntry::message))
                    .containsExactly("Notified alice via ntfy alice-push", "Notified alice via sms alice-sms",
                            "Notified alice via voice alice-voice", "Notified alice via voice alice-voice",
                            "Notified alice via voice alice-voice", "Notified bob via sms bob-sms");
            assertThat(fixture.server.http().get("/metrics").body())
                    .contains("tocsin_notifications_total{outcome=\"sent\",type=\"sms\"} 2.0")
                    .contains("tocsin_notifications_total{outcome=\"sent\",type=\"voice\"} 3.0");
            assertThat(fixture.notifications(id)).allSatisfy(notification ->
                    assertThat(notification.status()).isEqualTo(Notification.Status.SENT));
        }
    }
}
