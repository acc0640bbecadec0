package dev.tocsin.calendar;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The example configuration's feeds, computed by the real schedule module, through the real server. */
class ScheduleFeedEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-24T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void alicesFeedShowsHerPrimaryAndBackupWeeksAcrossTheDstChange(TestDatabases.Kind kind) {
        assumeTrue(Organisations.scheduleComputationAvailable(), "waits for the schedule computation (sched-core)");
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            String url = server.as("alice", Role.RESPONDER).get("/api/v1/users/alice/calendar").json().path("url").asText();
            String feed = CalendarApiTest.fetch(server, url).body();

            List<VEvent> events = StrictCalendar.parse(feed).getComponents("VEVENT");
            assertThat(events).isNotEmpty();
            assertThat(StrictCalendar.unfold(feed)).contains(
                    "DTSTART:20270322T080000Z\r\n",
                    "SUMMARY:On call: Platform primary\r\n", "SUMMARY:On call: Platform backup\r\n",
                    "DTEND:20270329T070000Z\r\n", "UID:" + Feeds.uid("platform-primary", "alice", Instant.parse("2027-03-22T08:00:00Z")));

            String again = CalendarApiTest.fetch(server, url).body();
            assertThat(again).isEqualTo(feed);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSchedulesFeedNamesWhoIsOnCall(TestDatabases.Kind kind) {
        assumeTrue(Organisations.scheduleComputationAvailable(), "waits for the schedule computation (sched-core)");
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            String url = server.as("bob", Role.OBSERVER).get("/api/v1/schedules/platform-primary/calendar").json().path("url").asText();
            String feed = CalendarApiTest.fetch(server, url).body();

            StrictCalendar.parse(feed);
            assertThat(StrictCalendar.unfold(feed)).contains("SUMMARY:Alice Keller on call: Platform primary\r\n",
                    "SUMMARY:Bob Meier on call: Platform primary\r\n");
            assertThat(server.as("bob", Role.RESPONDER).postJson("/api/v1/schedules/platform-primary/calendar/rotate", "{}").status())
                    .isEqualTo(403);
        }
    }
}
