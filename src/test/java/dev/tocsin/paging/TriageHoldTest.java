package dev.tocsin.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.delivery.Notification;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support hours and urgency, snooze and maintenance windows (issue 19), on a settable clock against a real server
 * and database: who is paged when, and what the timeline says.
 */
class TriageHoldTest {
    /** The example organisation, with the platform team supported Mon-Fri 08:00-18:00 in Zurich. */
    static String yaml() {
        String team = "    timezone: Europe/Zurich\n    members:";
        String yaml = TestServer.resource("config/example.yaml");
        assertThat(yaml).contains(team);
        return yaml.replace(team, "    timezone: Europe/Zurich\n"
                + "    support_hours: { timezone: Europe/Zurich, hours: \"Mon-Fri 08:00-18:00\" }\n    members:");
    }

    private static long trigger(PagingFixture fixture, String severity) {
        TestHttp.Response response = fixture.server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"disk filling","source":"db-1","severity":"%s"}}""".formatted(PagingFixture.KEY,
                UUID.randomUUID(), severity));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        fixture.settle();
        return fixture.server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
    }

    private static void resolveAlert(PagingFixture fixture, String dedupKey) {
        TestHttp.Response response = fixture.server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"%s","event_action":"resolve","dedup_key":"%s"}""".formatted(PagingFixture.KEY, dedupKey));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        fixture.settle();
    }

    private static String dedupKey(PagingFixture fixture, long incident) {
        return fixture.details(incident).alerts().get(0).dedupKey();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void lowUrgencyAtNightPagesNobodyUntilSupportHoursStart(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            fixture.clock.set(Instant.parse("2026-11-17T22:00:00Z"));   // Tue 23:00 in Zurich
            long id = trigger(fixture, "warning");
            assertThat(fixture.notifications(id)).isEmpty();
            assertThat(fixture.timelineKinds(id)).contains("held_support_hours").doesNotContain("paged");
            JsonNode listed = fixture.server.http().get("/api/v1/incidents?status=held").json().path("incidents");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("hold").path("until").asText()).isEqualTo("2026-11-18T07:00:00Z");

            fixture.advanceTo(Instant.parse("2026-11-18T06:59:59Z"));
            assertThat(fixture.notifications(id)).isEmpty();
            fixture.advanceTo(Instant.parse("2026-11-18T07:00:00Z"));   // Wed 08:00 in Zurich
            List<Notification> sent = fixture.notifications(id);
            assertThat(sent).extracting(Notification::contactMethodId).containsExactly("alice-mail");
            assertThat(sent.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-18T07:00:00Z"));
            assertThat(fixture.timelineKinds(id)).contains("released_support_hours", "paged");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void highUrgencyAtNightPagesAtOnce(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            fixture.clock.set(Instant.parse("2026-11-17T22:00:00Z"));
            long id = trigger(fixture, "critical");
            assertThat(fixture.timelineKinds(id)).contains("paged").doesNotContain("held_support_hours");
            fixture.advance(Duration.ofMinutes(1));
            assertThat(fixture.notifications(id)).extracting(Notification::contactMethodId).contains("alice-push");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void lowUrgencyOutsideSupportHoursPagesAsHighWhenTheServiceSaysSo(TestDatabases.Kind kind) {
        String yaml = yaml().replace("    escalation_policy: platform\n",
                "    escalation_policy: platform\n    urgency: { outside_support_hours: high }\n");
        try (PagingFixture fixture = new PagingFixture(kind, yaml)) {
            fixture.clock.set(Instant.parse("2026-11-17T22:00:00Z"));
            long id = trigger(fixture, "warning");
            assertThat(fixture.timelineKinds(id)).contains("urgency_raised", "paged");
            assertThat(fixture.details(id).incident().urgency()).isEqualTo(dev.tocsin.urgency.Urgency.HIGH);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void maintenanceSilencesTheServiceAndReleasesWhatIsStillFiringWhenItEnds(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            TestHttp.Response started = fixture.server.http().postJson("/api/v1/maintenance",
                    "{\"service\":\"customer-api\",\"for\":\"30m\",\"reason\":\"database upgrade\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(started.json().path("state").asText()).isEqualTo("current");
            long firing = trigger(fixture, "critical");
            long fixed = trigger(fixture, "critical");
            fixture.advance(Duration.ofMinutes(10));
            resolveAlert(fixture, dedupKey(fixture, fixed));
            fixture.advance(Duration.ofMinutes(10));
            assertThat(fixture.notifications(firing)).isEmpty();
            assertThat(fixture.timelineKinds(firing)).contains("held_maintenance").doesNotContain("paged");
            assertThat(fixture.server.http().get("/api/v1/maintenance").json().path("windows")).hasSize(1);

            fixture.advance(Duration.ofMinutes(11));   // past the window's end
            assertThat(fixture.timelineKinds(firing)).contains("released_maintenance", "paged");
            assertThat(fixture.notifications(firing)).isNotEmpty();
            assertThat(fixture.timelineKinds(fixed)).contains("held_maintenance").doesNotContain("paged");
            assertThat(fixture.notifications(fixed)).isEmpty();
            assertThat(fixture.server.http().get("/api/v1/maintenance").json().path("windows")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void endingAWindowEarlyReleasesAtOnceAndOnlyOnce(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            long window = fixture.server.http().postJson("/api/v1/maintenance",
                    "{\"team\":\"platform\",\"for\":\"2h\"}").json().path("id").asLong();
            long id = trigger(fixture, "critical");
            assertThat(fixture.timelineKinds(id)).doesNotContain("paged");
            TestHttp.Response ended = fixture.server.http().post("/api/v1/maintenance/" + window + "/end", "application/json", "");
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            fixture.settle();
            assertThat(fixture.timelineKinds(id)).containsOnlyOnce("released_maintenance").contains("paged");
            assertThat(fixture.server.http().delete("/api/v1/maintenance/" + window).status()).isEqualTo(409);
            fixture.advance(Duration.ofHours(3));   // the planned end passes: nothing is released twice
            assertThat(fixture.timelineKinds(id)).containsOnlyOnce("released_maintenance");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void snoozeUntilSupportHoursRepagesAtLocalEightAcrossBothDstChanges(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            // Fri 26 Mar 2027 19:00 CET; Monday 29 Mar 08:00 is CEST (UTC+2): 06:00Z.
            snoozeAndExpect(fixture, Instant.parse("2027-03-26T18:00:00Z"), Instant.parse("2027-03-29T06:00:00Z"));
            // Fri 29 Oct 2027 19:00 CEST; Monday 1 Nov 08:00 is CET (UTC+1): 07:00Z.
            snoozeAndExpect(fixture, Instant.parse("2027-10-29T17:00:00Z"), Instant.parse("2027-11-01T07:00:00Z"));
        }
    }

    private static void snoozeAndExpect(PagingFixture fixture, Instant at, Instant expected) {
        fixture.advanceTo(at);
        long id = trigger(fixture, "critical");
        TestHttp.Response snoozed = fixture.server.http().postJson("/api/v1/incidents/" + id + "/snooze",
                "{\"until\":\"support_hours\"}");
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(snoozed.json().path("snoozed_until").asText()).isEqualTo(expected.toString());
        fixture.settle();
        JsonNode listed = fixture.server.http().get("/api/v1/incidents?status=snoozed").json().path("incidents");
        assertThat(listed).extracting(node -> node.path("id").asLong()).containsExactly(id);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("acknowledged");
        int before = fixture.notifications(id).size();
        fixture.advanceTo(expected.minusSeconds(1));
        assertThat(fixture.notifications(id)).hasSize(before);
        assertThat(fixture.details(id).incident().status().wireName()).isEqualTo("acknowledged");
        fixture.advanceTo(expected.plusSeconds(61));
        assertThat(fixture.timelineKinds(id)).containsOnlyOnce("snooze_ended");
        assertThat(fixture.details(id).incident().status().wireName()).isEqualTo("triggered");
        assertThat(fixture.notifications(id).size()).isGreaterThan(before);
        assertThat(fixture.server.http().postJson("/api/v1/incidents/" + id + "/resolve", "{}").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void badInputIs400NamingTheProblemAndChangesNothing(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            TestHttp http = fixture.server.http();
            TestHttp.Response backwards = http.postJson("/api/v1/maintenance",
                    "{\"service\":\"customer-api\",\"from\":\"2026-11-17T12:00:00Z\",\"to\":\"2026-11-17T11:00:00Z\"}");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.body()).contains("end before it starts");
            TestHttp.Response unknown = http.postJson("/api/v1/maintenance", "{\"service\":\"nope\",\"for\":\"1h\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("'nope' is not a configured service");
            assertThat(http.postJson("/api/v1/maintenance", "{\"service\":\"customer-api\",\"for\":\"soon\"}").status()).isEqualTo(400);
            assertThat(http.get("/api/v1/maintenance").json().path("windows")).isEmpty();

            long id = trigger(fixture, "critical");
            TestHttp.Response banana = http.postJson("/api/v1/incidents/" + id + "/snooze", "{\"for\":\"banana\"}");
            assertThat(banana.status()).isEqualTo(400);
            assertThat(banana.body()).contains("banana");
            TestHttp.Response past = http.postJson("/api/v1/incidents/" + id + "/snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}");
            assertThat(past.status()).isEqualTo(400);
            assertThat(past.body()).contains("not in the future");
            assertThat(http.postJson("/api/v1/incidents/" + id + "/snooze", "{}").status()).isEqualTo(400);
            assertThat(fixture.details(id).incident().status().wireName()).isEqualTo("triggered");
            assertThat(fixture.timelineKinds(id)).doesNotContain("snoozed");
        }
    }
}
