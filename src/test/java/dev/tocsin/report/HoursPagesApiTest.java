package dev.tocsin.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page counts in {@code GET /api/v1/reports/hours}, from notifications written straight into the paging
 * engine's table: what counts as a page, as a notification sent, and as a page outside working hours.
 */
class HoursPagesApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-04-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String PEOPLE = """
            users:
              - { id: alice, name: "Alice Keller", timezone: Europe/Zurich, working_hours: "Mon-Fri 08:00-18:00" }
              - { id: bob, name: "Bob Meier" }
            """;
    private static final String MARCH = "/api/v1/reports/hours?from=2027-03-01&to=2027-04-01";

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void pagesCountIncidentsNotificationsCountWhatWentOutAndTheFirstNotificationDecidesOutsideWorkingHours(
            TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            // Incident 1, Tuesday 2 March 10:00 Zurich (at work): push sent, SMS delivered, a bundled SMS
            // carried by another message, a call that failed and a repeat cancelled by the acknowledgement.
            insert(server, 1L, "alice", "sent", "2027-03-02T09:00:00Z", null);
            insert(server, 1L, "alice", "delivered", "2027-03-02T09:01:00Z", null);
            insert(server, 1L, "alice", "sent", "2027-03-02T09:02:00Z", 99L);
            insert(server, 1L, "alice", "failed", "2027-03-02T09:03:00Z", null);
            insert(server, 1L, "alice", "cancelled", "2027-03-02T09:08:00Z", null);
            // Incident 2, Saturday 6 March 03:00 Zurich: outside her working hours; nothing went out yet.
            insert(server, 2L, "alice", "pending", "2027-03-06T02:00:00Z", null);
            // Incident 3, Wednesday 31 March 19:30 Zurich (summer time): after work, though 17:30Z.
            insert(server, 3L, "alice", "sent", "2027-03-31T17:30:00Z", null);
            // Outside the period, and a test page (no incident): neither counts.
            insert(server, 4L, "alice", "sent", "2027-02-28T23:59:59Z", null);
            insert(server, 5L, "alice", "sent", "2027-04-01T00:00:00Z", null);
            insert(server, null, "alice", "sent", "2027-03-10T09:00:00Z", null);
            // Bob, without working hours, paged twice for incident 2.
            insert(server, 2L, "bob", "sent", "2027-03-06T02:05:00Z", null);
            insert(server, 2L, "bob", "delivered", "2027-03-06T02:10:00Z", null);

            JsonNode people = server.http().get(MARCH).json().path("people");
            JsonNode alice = people.get(0);
            assertThat(alice.path("user_id").asText()).isEqualTo("alice");
            assertThat(alice.path("pages").asInt()).isEqualTo(3);
            assertThat(alice.path("notifications").asInt()).isEqualTo(4);
            assertThat(alice.path("pages_outside_working_hours").asInt()).isEqualTo(2);
            JsonNode bob = people.get(1);
            assertThat(bob.path("pages").asInt()).isEqualTo(1);
            assertThat(bob.path("notifications").asInt()).isEqualTo(2);
            assertThat(bob.has("pages_outside_working_hours")).as("Bob has no working hours").isFalse();

            String csv = server.http().get(MARCH + "&format=csv").body();
            assertThat(csv).startsWith("user_id,name,timezone,working_hours,primary_hours,backup_hours,total_hours,"
                            + "primary_outside_working_hours,backup_outside_working_hours,outside_working_hours,"
                            + "pages,notifications,pages_outside_working_hours\r\n")
                    .contains("alice,Alice Keller,Europe/Zurich,Mon-Fri 08:00-18:00,0.00,0.00,0.00,0.00,0.00,0.00,3,4,2\r\n")
                    .contains("bob,Bob Meier,UTC,,0.00,0.00,0.00,,,,1,2,\r\n");

            JsonNode own = server.as("bob", Role.RESPONDER).get(MARCH).json().path("people");
            assertThat(own).hasSize(1);
            assertThat(own.get(0).path("pages").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPersonNeverPagedHasZeroPages(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            JsonNode alice = server.http().get(MARCH).json().path("people").get(0);
            assertThat(alice.path("pages").asInt()).isZero();
            assertThat(alice.path("notifications").asInt()).isZero();
            assertThat(alice.path("pages_outside_working_hours").isNumber()).isTrue();
            assertThat(alice.path("pages_outside_working_hours").asInt()).isZero();
        }
    }

    private static void insert(TestServer server, Long incidentId, String userId, String status, String createdAt,
                               Long bundledInto) {
        long created = Instant.parse(createdAt).toEpochMilli();
        boolean went = status.equals("sent") || status.equals("delivered");
        server.tocsin().database().writeAndWait(handle -> handle.createUpdate("""
                        INSERT INTO notifications (incident_id, user_id, contact_method_id, method_type, purpose, status,
                                                   attempts, due_at, bundled_into, created_at, updated_at, sent_at)
                        VALUES (:incident, :user, :method, 'sms', 'rule 1', :status, 1, :created, :bundle, :created,
                                :created, :sent)""")
                .bind("incident", incidentId).bind("user", userId).bind("method", userId + "-sms").bind("status", status)
                .bind("created", created).bind("bundle", bundledInto).bind("sent", went ? (Long) created : null)
                .execute());
    }
}
