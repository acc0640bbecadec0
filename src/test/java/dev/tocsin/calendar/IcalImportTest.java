package dev.tocsin.calendar;

import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.FixedShift;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a shared calendar's export into fixed shifts: attendees, organizer and summary mapping, recurrence. */
class IcalImportTest {
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static Organisation example;

    @BeforeAll
    static void load() {
        example = Organisations.of(TestServer.resource("config/example.yaml"));
    }

    @Test
    void eventsBecomeShiftsOfThePeopleTheyName() {
        IcalImport.Result result = IcalImport.read(TestServer.resource("calendar/shared-calendar.ics"), example, ZURICH,
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-22T00:00:00Z"));

        assertThat(result.shifts()).containsExactly(
                // Weekly on Mondays 09:00-17:00 Zurich, attendee Alice by email (case-insensitive), three in the window.
                new FixedShift("alice", Instant.parse("2027-03-01T08:00:00Z"), Instant.parse("2027-03-01T16:00:00Z")),
                // No attendee: the organizer, Bob.
                new FixedShift("bob", Instant.parse("2027-03-02T08:00:00Z"), Instant.parse("2027-03-02T16:00:00Z")),
                // All-day Saturday and Sunday in the schedule's zone; the summary names Carol.
                new FixedShift("carol", Instant.parse("2027-03-05T23:00:00Z"), Instant.parse("2027-03-07T23:00:00Z")),
                new FixedShift("alice", Instant.parse("2027-03-08T08:00:00Z"), Instant.parse("2027-03-08T16:00:00Z")),
                new FixedShift("alice", Instant.parse("2027-03-15T08:00:00Z"), Instant.parse("2027-03-15T16:00:00Z")));
        assertThat(result.skipped()).containsExactly(
                "event 'alice' (cancelled@oncall): cancelled",
                "event 'Someone else' (stranger@oncall): no attendee, organizer or summary matches a user");
    }

    @Test
    void recurrencesFollowTheLocalClockAcrossTheDstChange() {
        IcalImport.Result result = IcalImport.read(TestServer.resource("calendar/shared-calendar.ics"), example, ZURICH,
                Instant.parse("2027-03-22T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"));

        // COUNT=6: 1, 8, 15, 22, 29 March and 5 April; after 28 March 09:00 CEST is 07:00Z.
        assertThat(result.shifts()).extracting(FixedShift::start).containsExactly(
                Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-04-05T07:00:00Z"));
    }

    @Test
    void somethingThatIsNotACalendarIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> IcalImport.read("hello", example, ZURICH, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an iCalendar file");
    }
}
