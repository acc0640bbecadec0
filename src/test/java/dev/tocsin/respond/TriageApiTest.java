package dev.tocsin.respond;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Merge, rename and split over the API, on SQLite and PostgreSQL. */
class TriageApiTest {
    private static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    private long trigger(String dedupKey, String summary) {
        TestHttp.Response response = fixture.server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"%s","source":"db-1","severity":"critical"}}""".formatted(KEY, dedupKey, summary));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        fixture.settle();
        return fixture.server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
    }

    private static TestHttp.Response patch(TestHttp http, String path, String json) {
        return http.send(http.builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private String timelineText(long id, String kind) {
        return fixture.details(id).timeline().stream().filter(entry -> entry.kind().equals(kind))
                .map(TimelineEntry::message).findFirst().orElse("");
    }

    private int pendingTimers(String prefix) {
        return fixture.server.tocsin().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM timers WHERE done_at IS NULL AND dedup_key LIKE :prefix")
                .bind("prefix", prefix + "%").mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void mergingMovesAlertsAndRespondersStopsTheMergedPagingAndLaterAlertsLandOnTheSurvivor(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long merged = trigger("db-disk", "Disk full on db-1");
        long survivor = trigger("db-latency", "Latency on db-1");
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);

        TestHttp.Response response = alice.postJson("/api/v1/incidents/" + merged + "/merge", "{\"into\": " + survivor + "}");
        fixture.settle();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("incident").path("id").asLong()).isEqualTo(survivor);
        assertThat(fixture.details(merged).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(fixture.details(merged).incident().alertCount()).isZero();
        assertThat(fixture.details(survivor).alerts()).hasSize(2);
        assertThat(fixture.details(survivor).incident().openAlerts()).isEqualTo(2);
        assertThat(timelineText(survivor, "merged_in")).startsWith("Merged #" + merged + " into this by alice via api");
        assertThat(timelineText(merged, "merged")).startsWith("Merged into #" + survivor + " by alice via api");
        assertThat(pendingTimers("escalation/" + merged + "/")).isZero();
        JsonNode details = fixture.server.http().get("/api/v1/incidents/" + merged).json();
        assertThat(details.path("merged_into").asLong()).isEqualTo(survivor);
        assertThat(fixture.server.http().get("/api/v1/incidents/" + survivor).json().path("merged_from").get(0).asLong())
                .isEqualTo(merged);

        long incidentsBefore = fixture.server.http().get("/api/v1/incidents?status=all").json().path("incidents").size();
        trigger("db-disk", "Disk full on db-1");
        assertThat(fixture.server.http().get("/api/v1/incidents?status=all").json().path("incidents").size())
                .isEqualTo(incidentsBefore);
        assertThat(fixture.details(survivor).alerts()).filteredOn(alert -> alert.dedupKey().equals("db-disk"))
                .singleElement().satisfies(alert -> assertThat(alert.eventCount()).isEqualTo(2));

        int mergedNotifications = notifications(merged);
        fixture.advance(Duration.ofMinutes(20));
        assertThat(notifications(merged)).as("the merged incident pages nobody any more").isEqualTo(mergedNotifications);
    }

    private int notifications(long id) {
        return fixture.server.http().get("/api/v1/incidents/" + id + "/paging").json().path("notifications").size();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void mergingIntoItselfOrIntoAResolvedIncidentIsRefusedAndChangesNothing(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long open = trigger("one", "One");
        long resolved = trigger("two", "Two");
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        assertThat(alice.postJson("/api/v1/incidents/" + resolved + "/resolve", "").status()).isEqualTo(200);

        TestHttp.Response itself = alice.postJson("/api/v1/incidents/" + open + "/merge", "{\"into\": " + open + "}");
        TestHttp.Response intoResolved = alice.postJson("/api/v1/incidents/" + open + "/merge", "{\"into\": " + resolved + "}");
        TestHttp.Response missing = alice.postJson("/api/v1/incidents/" + open + "/merge", "{\"into\": 999}");

        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.body()).contains("cannot merge incident #" + open + " into itself");
        assertThat(intoResolved.status()).isEqualTo(400);
        assertThat(intoResolved.body()).contains("incident #" + resolved + " is resolved");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(fixture.details(open).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(fixture.details(open).alerts()).hasSize(1);
        assertThat(fixture.timelineKinds(open)).doesNotContain("merged", "merged_in");
        assertThat(fixture.timelineKinds(resolved)).doesNotContain("merged", "merged_in");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void renamingChangesTheTitleEverywhereAndTheTimelineKeepsTheOldOne(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = trigger("disk", "disk_usage > 90 on db-1");
        TestHttp bob = fixture.server.as("bob", Role.RESPONDER);

        TestHttp.Response renamed = patch(bob, "/api/v1/incidents/" + id, "{\"title\": \"Database cluster disks filling up\"}");
        TestHttp.Response empty = patch(bob, "/api/v1/incidents/" + id, "{\"title\": \"  \"}");
        TestHttp.Response observer = patch(fixture.server.as("carol", Role.OBSERVER), "/api/v1/incidents/" + id, "{\"title\": \"x\"}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("incident").path("title").asText()).isEqualTo("Database cluster disks filling up");
        assertThat(fixture.server.http().get("/api/v1/incidents").json().path("incidents").get(0).path("title").asText())
                .isEqualTo("Database cluster disks filling up");
        assertThat(timelineText(id, "renamed")).isEqualTo("Renamed by bob via api from 'disk_usage > 90 on db-1' to "
                + "'Database cluster disks filling up'");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(observer.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAlertSplitOutOpensItsOwnIncident(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long first = trigger("disk", "Disk full");
        long second = trigger("cert", "Certificate expires in 60 days");
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);
        assertThat(alice.postJson("/api/v1/incidents/" + first + "/merge", "{\"into\": " + second + "}").status()).isEqualTo(200);
        long certAlert = fixture.details(second).alerts().stream().filter(alert -> alert.dedupKey().equals("cert"))
                .findFirst().orElseThrow().id();

        TestHttp.Response split = alice.postJson("/api/v1/incidents/" + second + "/alerts/" + certAlert + "/split", "");
        fixture.settle();

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        long opened = split.json().path("incident").path("id").asLong();
        assertThat(fixture.details(opened).alerts()).singleElement().satisfies(alert -> assertThat(alert.dedupKey()).isEqualTo("cert"));
        assertThat(fixture.details(opened).incident().title()).isEqualTo("Certificate expires in 60 days");
        assertThat(fixture.details(second).alerts()).hasSize(1);
        assertThat(fixture.timelineKinds(second)).contains("split");
        assertThat(fixture.timelineKinds(opened)).contains("split_from");
        TestHttp.Response onlyAlert = alice.postJson("/api/v1/incidents/" + opened + "/alerts/" + certAlert + "/split", "");
        assertThat(onlyAlert.status()).isEqualTo(400);
        assertThat(onlyAlert.body()).contains("is the only alert of incident #" + opened);
    }
}
