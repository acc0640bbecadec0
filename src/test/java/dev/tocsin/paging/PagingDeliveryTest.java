package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import dev.tocsin.delivery.DeliverTimer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery that loses nothing: retries, fallback, early escalation, throttling with bundling, delivery reports. */
class PagingDeliveryTest {
    private static void smsAnswers(PagingFixture fixture, int status, String body) {
        fixture.fakes.stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static List<String> messages(PagingFixture fixture, long id, String kind) {
        return fixture.details(id).timeline().stream().filter(entry -> entry.kind().equals(kind)).map(TimelineEntry::message).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void transientFailuresRetryWithBackoffThenFallBackToTheNextMethod(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            smsAnswers(fixture, 503, "{\"code\":20500,\"message\":\"Service unavailable\"}");
            long id = fixture.trigger("Queue backlog");

            // +2m: SMS and voice due; the SMS's three tries and the email fallback's three end by +3m16s at the
            // latest (10 s and 20 s, +25% jitter, each); the voice rule repeats only at +7m.
            fixture.advance(Duration.ofMinutes(4));

            assertThat(fixture.recipients(PagingFixture.MESSAGES)).hasSize(DeliverTimer.MAX_TRIES);
            // (the email fallback has no SMTP server here and retries too; these are the SMS's)
            List<String> retries = messages(fixture, id, "notification_retry").stream()
                    .filter(line -> line.startsWith("sms ")).toList();
            assertThat(retries).hasSize(DeliverTimer.MAX_TRIES - 1)
                    .allSatisfy(line -> assertThat(line).startsWith("sms to alice failed (").contains("trying again in"));
            assertThat(messages(fixture, id, "notification_failed")).first().asString()
                    .contains("sms alice-sms to alice failed").contains("(3 tries)");
            // Push (+1m) and voice (+2m) already reached her in this paging: the fallback is a channel not yet used.
            assertThat(messages(fixture, id, "notification_fallback")).first().asString()
                    .isEqualTo("Trying alice's next contact method: email alice-mail");
            assertThat(fixture.recipients(PagingFixture.CALLS)).hasSize(1);
            // The email fails too (no SMTP server here): nothing else to try, but push and voice did reach her, so
            // she stays paged instead of counting as unreachable.
            assertThat(messages(fixture, id, "notification_fallback")).last().asString()
                    .startsWith("No other contact method of alice to try;");
            assertThat(fixture.timelineKinds(id)).doesNotContain("unreachable");
            Notification failed = fixture.notifications(id).stream()
                    .filter(notification -> notification.contactMethodId().equals("alice-sms")).findFirst().orElseThrow();
            assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);
            assertThat(failed.attempts()).isEqualTo(DeliverTimer.MAX_TRIES);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPermanentFailureFallsBackAtOnce(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            smsAnswers(fixture, 400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}");
            long id = fixture.trigger("Disk full");

            fixture.advance(Duration.ofMinutes(2));

            assertThat(fixture.recipients(PagingFixture.MESSAGES)).hasSize(1);
            assertThat(messages(fixture, id, "notification_retry")).noneMatch(line -> line.startsWith("sms "));
            assertThat(messages(fixture, id, "notification_failed")).first().asString().contains("21211");
            assertThat(messages(fixture, id, "notification_fallback")).hasSize(1);
        }
    }

    private static final String TWO_LEVELS = """
            users:
              - id: alice
                name: Alice
                contact_methods: [ { id: alice-mail, type: email, to: alice@example.com } ]
              - id: bob
                name: Bob
                contact_methods: [ { id: bob-sms, type: sms, to: "+41790000002" } ]
                notification_rules: { high: [ { after: 0m, via: bob-sms } ] }
              - id: carol
                name: Carol
                contact_methods: [ { id: carol-sms, type: sms, to: "+41790000003" } ]
                notification_rules: { high: [ { after: 0m, via: carol-sms } ] }
            teams:
              - id: platform
                name: Platform
                members: [ { user: alice, role: manager }, { user: bob }, { user: carol } ]
            escalation_policies:
              - id: two
                levels:
                  - { notify: [ "user:bob" ], escalate_after: 15m }
                  - { notify: [ "user:carol" ], escalate_after: 15m }
            services:
              - id: customer-api
                name: Customer API
                team: platform
                escalation_policy: two
                integrations: [ { type: events-v2, key: 3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e } ]
            providers:
              twilio: { account_sid: "${TWILIO_ACCOUNT_SID}", auth_token: "${TWILIO_AUTH_TOKEN}", from: "+15550100", api_url: "https://api.twilio.com" }
              smtp:   { host: smtp.example.com, port: 587, from: "Tocsin <oncall@example.com>", starttls: true }
            """;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void whenEveryMethodFailsTheIncidentEscalatesEarlyAndTheManagersAreTold(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, TWO_LEVELS)) {
            smsAnswers(fixture, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\"}");
            long id = fixture.trigger("Payments down");

            // bob's only method fails at once: carol is paged right away, not after 15 minutes; hers fails too.
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.BOB, "+41790000003");
            assertThat(fixture.now()).isEqualTo(PagingFixture.START);
            assertThat(fixture.timelineKinds(id)).containsSubsequence("paged", "notification_failed", "unreachable",
                    "paged", "notification_failed", "unreachable", "admins_alerted");
            assertThat(messages(fixture, id, "admins_alerted")).singleElement().asString().contains("told the managers: alice");
            long notices = fixture.server.tocsin().database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM notices WHERE user_id = 'alice' AND kind = 'nobody_paged'").mapTo(Long.class).one());
            assertThat(notices).isEqualTo(1);
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void smsToOnePersonIsThrottledAndWhatWaitsIsBundledIntoOneMessage(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, TWO_LEVELS)) {
            long first = fixture.trigger("Disk full on db-1");
            fixture.advance(Duration.ofSeconds(10));
            long second = fixture.trigger("Disk full on db-2");
            fixture.advance(Duration.ofSeconds(10));
            long third = fixture.trigger("Disk full on db-3");
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.BOB);

            fixture.advance(Duration.ofSeconds(40));   // one minute after the first SMS

            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.BOB, PagingFixture.BOB);
            String bundle = PagingFixture.form(fixture.requests(PagingFixture.MESSAGES).get(1).getBodyAsString()).get("Body");
            assertThat(bundle).contains("2 incidents").contains("#" + second).contains("#" + third)
                    .contains("Reply 4 <number> to acknowledge");
            assertThat(messages(fixture, second, "notified")).singleElement().asString().contains("one message for 2");
            assertThat(messages(fixture, third, "notified")).singleElement().asString().contains("one message for 2");
            assertThat(fixture.notifications(first)).extracting(Notification::status).containsExactly(Notification.Status.SENT);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aBundleIsStoredOnceAndItsCarriedNotificationsShowItsText(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, TWO_LEVELS)) {
            fixture.trigger("Disk full on db-1");
            fixture.advance(Duration.ofSeconds(10));
            long second = fixture.trigger("Disk full on db-2");
            long third = fixture.trigger("Disk full on db-3");
            long fourth = fixture.trigger("Disk full on db-4");
            fixture.advance(Duration.ofSeconds(60));

            String sent = PagingFixture.form(fixture.requests(PagingFixture.MESSAGES).get(1).getBodyAsString()).get("Body");
            assertThat(sent).contains("3 incidents");
            List<Map<String, Object>> rows = fixture.server.tocsin().database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT incident_id, bundled_into, body FROM notifications WHERE incident_id IN (<ids>) ORDER BY id")
                    .bindList("ids", List.of(second, third, fourth)).mapToMap().list());
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).get("bundled_into")).as("the lead").isNull();
            assertThat((String) rows.get(0).get("body")).contains("3 incidents");
            long lead = fixture.notifications(second).get(0).id();
            for (Map<String, Object> carried : rows.subList(1, 3)) {
                assertThat(((Number) carried.get("bundled_into")).longValue()).isEqualTo(lead);
                assertThat(carried.get("body")).as("a carried notification keeps no copy of the bundle's text").isNull();
            }
            // Read back (the API shows the same records), a carried notification shows the bundle's text.
            Notification carried = fixture.notifications(fourth).get(0);
            assertThat(carried.bundledInto()).isEqualTo(lead);
            assertThat(carried.body()).isEqualTo(fixture.notifications(second).get(0).body()).contains("#" + fourth);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theNotificationListPagesWithACursorLikeTheIncidentList(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, TWO_LEVELS)) {
            for (int i = 1; i <= 5; i++) fixture.trigger("Disk full on db-" + i);
            fixture.advance(Duration.ofMinutes(2));
            List<Long> all = new ArrayList<>();
            fixture.server.http().get("/api/v1/notifications?limit=500").json().path("notifications")
                    .forEach(notification -> all.add(notification.path("id").asLong()));
            assertThat(all).hasSizeGreaterThanOrEqualTo(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            List<Long> paged = new ArrayList<>();
            String cursor = null;
            for (int pages = 0; pages < 20; pages++) {
                JsonNode page = fixture.server.http().get("/api/v1/notifications?limit=2"
                        + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("notifications").forEach(notification -> paged.add(notification.path("id").asLong()));
                assertThat(page.path("notifications").size()).isLessThanOrEqualTo(2);
                cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
                if (cursor == null) break;
            }
            assertThat(paged).as("every notification once, newest first, page by page").isEqualTo(all);

            TestHttp.Response forged = fixture.server.http().get("/api/v1/notifications?cursor=not-a-cursor");
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.body()).contains("cursor");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void twilioDeliveryReportsUpdateTheNotificationAndAFailureFallsBack(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            long id = fixture.trigger("Cache cold");
            fixture.advance(Duration.ofMinutes(2));
            Notification sms = fixture.notifications(id).stream()
                    .filter(notification -> notification.contactMethodId().equals("alice-sms")).findFirst().orElseThrow();
            assertThat(sms.providerId()).isEqualTo("SM0001");

            TestHttp.Response delivered = fixture.twilio("/webhooks/twilio/status",
                    Map.of("MessageSid", "SM0001", "MessageStatus", "delivered"));
            assertThat(delivered.status()).isEqualTo(204);
            assertThat(fixture.server.tocsin().database().jdbi().withHandle(handle ->
                    fixture.server.tocsin().paging().notifications(handle, id)).stream()
                    .filter(notification -> notification.id() == sms.id()).findFirst().orElseThrow().status())
                    .isEqualTo(Notification.Status.DELIVERED);

            long fallbacksBefore = messages(fixture, id, "notification_fallback").size();
            fixture.twilio("/webhooks/twilio/status", Map.of("MessageSid", "SM0001", "MessageStatus", "undelivered",
                    "ErrorCode", "30003"));
            assertThat(messages(fixture, id, "notification_failed")).anySatisfy(line ->
                    assertThat(line).contains("twilio reported undelivered (error 30003)"));
            assertThat(messages(fixture, id, "notification_fallback")).hasSize((int) fallbacksBefore + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void simulatePrintsTheTimelineTheEngineThenFollows(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            JsonNode simulated = fixture.server.http().get("/api/v1/services/customer-api/simulate?at="
                    + PagingFixture.START + "&ack_after=20m").json();
            List<String> expected = new ArrayList<>();
            for (JsonNode step : simulated.path("steps")) {
                if (!step.path("kind").asText().equals("notify")) continue;
                expected.add(step.path("offset_seconds").asLong() + "s " + step.path("user").asText() + " "
                        + step.path("contact_method").path("id").asText());
            }
            assertThat(expected).isNotEmpty();

            long id = fixture.trigger("Database failover");
            fixture.advanceTo(PagingFixture.START.plus(Duration.ofMinutes(20)));
            assertThat(fixture.server.http().postJson("/api/v1/incidents/" + id + "/acknowledge", "").status()).isEqualTo(200);
            fixture.advance(Duration.ofHours(1));

            List<String> actual = fixture.notifications(id).stream()
                    .map(notification -> Duration.between(PagingFixture.START, notification.createdAt()).toSeconds() + "s "
                            + notification.userId() + " " + notification.contactMethodId()).toList();
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAcknowledgementNotResolvedInTimeTriggersAgainAndPagesAgain(TestDatabases.Kind kind) {
        String yaml = TestServer.resource("config/example.yaml").replace("    escalation_policy: platform\n",
                "    escalation_policy: platform\n    ack_timeout: 30m\n");
        try (PagingFixture fixture = new PagingFixture(kind, yaml)) {
            long id = fixture.trigger("Memory leak");
            fixture.advance(Duration.ofMinutes(3));
            assertThat(fixture.server.http().postJson("/api/v1/incidents/" + id + "/acknowledge", "").status()).isEqualTo(200);
            int pushes = fixture.pushes("alice-7f3k2").size();

            fixture.advance(Duration.ofMinutes(29));
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

            fixture.advance(Duration.ofMinutes(2));   // +34m: the ack at +3m timed out at +33m, push after 1 minute
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
            assertThat(messages(fixture, id, "ack_timeout")).singleElement().asString().contains("not resolved within 30m");
            assertThat(fixture.pushes("alice-7f3k2")).hasSize(pushes + 1);
            assertThat(fixture.timelineKinds(id)).containsSubsequence("acknowledged", "escalation_stopped", "ack_timeout",
                    "escalation_restarted", "paged");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void escalatingByHandPagesTheNextLevelOrAChosenTargetAtOnce(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            long id = fixture.trigger("Checkout errors");
            TestHttp responder = fixture.server.as("alice", dev.tocsin.auth.Role.RESPONDER);

            TestHttp.Response next = responder.postJson("/api/v1/incidents/" + id + "/escalate", "");
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(next.json().path("message").asText()).isEqualTo("Escalated #" + id + ": now paging bob.");
            assertThat(next.json().path("paging").path("level").asInt()).isEqualTo(2);
            fixture.settle();
            assertThat(fixture.recipients(PagingFixture.MESSAGES)).containsExactly(PagingFixture.BOB);

            TestHttp.Response acked = responder.postJson("/api/v1/incidents/" + id + "/acknowledge", "");
            assertThat(acked.status()).as(acked.body()).isEqualTo(200);
            TestHttp.Response chosen = responder.postJson("/api/v1/incidents/" + id + "/escalate", "{\"to\":\"user:carol\"}");
            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
            assertThat(fixture.details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
            assertThat(fixture.details(id).incident().assignees()).containsExactly("carol");
            JsonNode view = fixture.server.http().get("/api/v1/incidents/" + id + "/paging").json();
            assertThat(view.path("paged").get(0).path("reason").asText()).isEqualTo("escalated by alice to user:carol");
            assertThat(view.path("explanation").asText()).contains("carol");

            assertThat(responder.postJson("/api/v1/incidents/" + id + "/escalate", "{\"to\":\"user:nobody\"}").status())
                    .isEqualTo(400);
            assertThat(responder.postJson("/api/v1/incidents/" + id + "/escalate", "{\"to\":\"carol\"}").status())
                    .isEqualTo(400);
            assertThat(fixture.server.as("viewer", dev.tocsin.auth.Role.OBSERVER)
                    .postJson("/api/v1/incidents/" + id + "/escalate", "").status()).isEqualTo(403);
            assertThat(responder.postJson("/api/v1/incidents/" + id + "/resolve", "").status()).isEqualTo(200);
            assertThat(responder.postJson("/api/v1/incidents/" + id + "/escalate", "").status()).isEqualTo(409);
            assertThat(responder.postJson("/api/v1/incidents/999999/escalate", "").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void testPagesAndVerificationCodesGoThroughTheSameDeliveryPath(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            TestHttp alice = fixture.server.as("alice", dev.tocsin.auth.Role.RESPONDER);
            TestHttp.Response page = alice.postJson("/api/v1/users/alice/test-page", "{\"via\":\"alice-sms\"}");
            assertThat(page.status()).as(page.body()).isEqualTo(202);
            fixture.settle();
            assertThat(PagingFixture.form(fixture.requests(PagingFixture.MESSAGES).get(0).getBodyAsString()).get("Body"))
                    .contains("test page from Tocsin");
            assertThat(alice.get(page.json().path("status_url").asText()).json().path("status").asText()).isEqualTo("sent");

            assertThat(alice.postJson("/api/v1/users/bob/test-page", "{\"via\":\"bob-sms\"}").status()).isEqualTo(403);
            assertThat(alice.postJson("/api/v1/users/alice/test-page", "{\"via\":\"alice-pager\"}").status()).isEqualTo(404);
            assertThat(alice.postJson("/api/v1/users/alice/test-page", "{}").status()).isEqualTo(400);

            fixture.advance(Duration.ofMinutes(1));   // the SMS throttle: one a minute per number
            TestHttp.Response code = alice.postJson("/api/v1/users/alice/contact-methods/alice-sms/verification", "");
            assertThat(code.status()).as(code.body()).isEqualTo(202);
            fixture.settle();
            String text = PagingFixture.form(fixture.requests(PagingFixture.MESSAGES).get(1).getBodyAsString()).get("Body");
            String sent = text.replaceAll(".* is (\\d{6})\\..*", "$1");
            assertThat(sent).matches("\\d{6}");
            assertThat(fixture.server.http().get("/api/v1/notifications/" + code.json().path("notification_id").asLong())
                    .body()).doesNotContain(sent);

            String wrong = sent.equals("000000") ? "111111" : "000000";
            assertThat(alice.postJson("/api/v1/users/alice/contact-methods/alice-sms/verification/confirm",
                    "{\"code\":\"" + wrong + "\"}").status()).isEqualTo(400);
            TestHttp.Response confirmed = alice.postJson("/api/v1/users/alice/contact-methods/alice-sms/verification/confirm",
                    "{\"code\":\"" + sent + "\"}");
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            JsonNode methods = alice.get("/api/v1/users/alice/contact-methods").json().path("contact_methods");
            assertThat(methods.toString()).contains("\"id\":\"alice-sms\"");
            for (JsonNode method : methods) {
                assertThat(method.hasNonNull("verified_at")).isEqualTo(method.path("id").asText().equals("alice-sms"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNewIncidentIsPostedToTheOpsChannel(TestDatabases.Kind kind) {
        String yaml = TestServer.resource("config/example.yaml").replace("providers:\n",
                "providers:\n  slack: { bot_token: xoxb-test, api_url: \"FAKES_URL\", ops_channel: \"#ops\" }\n");
        try (PagingFixture fixture = new PagingFixture(kind, yaml)) {
            fixture.fakes.stubFor(post(urlPathMatching("/chat.postMessage")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"ts\":\"1.1\"}")));
            long id = fixture.trigger("Checkout down");

            assertThat(fixture.requests("/chat.postMessage")).singleElement().satisfies(request -> {
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer xoxb-test");
                assertThat(request.getBodyAsString()).contains("\"channel\":\"#ops\"").contains("Checkout down")
                        .contains("Customer API");
            });
            assertThat(messages(fixture, id, "announced")).containsExactly("Posted to Slack #ops");
        }
    }
}
