package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours report counts what the paging engine really sent (it lives beside the paging tests to use their
 * fixture): an incident during Alice's working day that escalates to Bob, and one at night that Alice
 * acknowledges after her first SMS and call.
 */
class PagesInHoursReportTest {
    private static final String DAY = "/api/v1/reports/hours?from=2026-11-17&to=2026-11-18";

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aDayPageAndANightPageAreCountedWithEveryNotificationThatWentOut(TestDatabases.Kind kind) {
        try (PagingFixture fixture = PagingFixture.example(kind)) {
            // Tuesday 11:00 in Zurich, at work: push at +1m, SMS and call at +2m, calls at +7m and +12m; at +15m
            // the backup, Bob, gets his SMS and acknowledges.
            long day = fixture.trigger("Checkout latency above 2 s");
            fixture.advance(Duration.ofMinutes(15));
            assertThat(fixture.smsReply(PagingFixture.BOB, "4 " + day).status()).isEqualTo(200);

            // Tuesday 22:00 in Zurich, after work: push at +1m, SMS and call at +2m, then Alice acknowledges.
            fixture.advanceTo(Instant.parse("2026-11-17T21:00:00Z"));
            long night = fixture.trigger("Disk almost full");
            assertThat(night).isNotEqualTo(day);
            fixture.advance(Duration.ofMinutes(3));
            assertThat(fixture.smsReply(PagingFixture.ALICE, "4 " + night).status()).isEqualTo(200);
            fixture.advance(Duration.ofHours(1));

            List<Notification> all = Stream.concat(fixture.notifications(day).stream(), fixture.notifications(night).stream()).toList();
            long aliceSent = all.stream().filter(n -> n.userId().equals("alice"))
                    .filter(n -> n.status() == Notification.Status.SENT || n.status() == Notification.Status.DELIVERED).count();
            assertThat(aliceSent).isEqualTo(5 + 3);

            JsonNode people = fixture.server.http().get(DAY).json().path("people");
            JsonNode alice = person(people, "alice");
            assertThat(alice.path("pages").asInt()).isEqualTo(2);
            assertThat(alice.path("notifications").asInt()).isEqualTo(8);
            assertThat(alice.path("pages_outside_working_hours").asInt()).isEqualTo(1);
            JsonNode bob = person(people, "bob");
            assertThat(bob.path("pages").asInt()).isEqualTo(1);
            assertThat(bob.path("notifications").asInt()).isEqualTo(1);
            assertThat(bob.has("pages_outside_working_hours")).as("Bob has no working hours").isFalse();
            assertThat(person(people, "carol").path("pages").asInt()).isZero();

            String csv = fixture.server.http().get(DAY + "&format=csv").body();
            assertThat(csv.split("\r\n")[0]).endsWith(",outside_working_hours,pages,notifications,pages_outside_working_hours");
            assertThat(line(csv, "alice,")).endsWith(",2,8,1");
            assertThat(line(csv, "bob,")).endsWith(",1,1,");

            // The next day has no pages.
            JsonNode nextDay = fixture.server.http().get("/api/v1/reports/hours?from=2026-11-18&to=2026-11-19").json();
            assertThat(person(nextDay.path("people"), "alice").path("pages").asInt()).isZero();
        }
    }

    private static JsonNode person(JsonNode people, String userId) {
        for (JsonNode person : people) {
            if (person.path("user_id").asText().equals(userId)) return person;
        }
        throw new AssertionError("no line for " + userId + " in " + people);
    }

    private static String line(String csv, String prefix) {
        return Arrays.stream(csv.split("\r\n")).filter(row -> row.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + prefix + " in " + csv));
    }
}
