package dev.tocsin.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.tocsin.schedule.Build.layer;
import static dev.tocsin.schedule.Build.local;
import static dev.tocsin.schedule.Build.schedule;
import static dev.tocsin.schedule.Build.utc;
import static org.assertj.core.api.Assertions.assertThat;

/** Rotations and handoffs in local time, across the DST changes of 2026 and 2027. */
class RotationTest {
    /** The issue-2 example's platform-primary: weekly Mon 09:00 Europe/Zurich, alice then bob, from 2026-11-02. */
    private final OnCall platformPrimary = new OnCall(schedule("Europe/Zurich",
            layer("1w", "Mon 09:00", "2026-11-02", List.of("alice", "bob"))), List.of());

    @Test
    void theExampleScheduleAlternatesWeeklyOnMondayAtNineZurichTime() {
        assertThat(platformPrimary.at(utc("2026-11-02T07:59:59Z"))).isEmpty();           // before the first turn
        assertThat(platformPrimary.at(utc("2026-11-02T08:00:00Z"))).containsExactly("alice"); // 09:00 CET
        assertThat(platformPrimary.at(utc("2026-11-09T07:59:59Z"))).containsExactly("alice");
        assertThat(platformPrimary.at(utc("2026-11-09T08:00:00Z"))).containsExactly("bob");
        assertThat(platformPrimary.at(utc("2026-11-16T08:00:00Z"))).containsExactly("alice");
    }

    @Test
    void theExampleScheduleKeepsMondayNineAcrossTheSpringChangeOf2027() {
        // 2026-11-02 is week 0 (alice); 2027-03-22 is week 20 (alice), 2027-03-29 week 21 (bob).
        assertThat(platformPrimary.at(local("2027-03-28T12:00", "Europe/Zurich"))).containsExactly("alice");
        // Monday 2027-03-29 09:00 is now CEST (UTC+2): the handoff is at 07:00Z, not 08:00Z.
        assertThat(platformPrimary.at(utc("2027-03-29T06:59:59Z"))).containsExactly("alice");
        assertThat(platformPrimary.at(utc("2027-03-29T07:00:00Z"))).containsExactly("bob");
        assertThat(platformPrimary.shifts(utc("2027-03-22T00:00:00Z"), utc("2027-04-06T00:00:00Z")))
                .extracting(Shift::start)
                .containsExactly(utc("2027-03-22T00:00:00Z"), utc("2027-03-22T08:00:00Z"), utc("2027-03-29T07:00:00Z"),
                        utc("2027-04-05T07:00:00Z"));
    }

    @Test
    void theExampleScheduleKeepsMondayNineAcrossTheAutumnChangeOf2027() {
        // 2027-10-25 is week 51 (bob), 2027-11-01 week 52 (alice). The week of the change lasts 169 hours.
        assertThat(platformPrimary.at(utc("2027-10-25T07:00:00Z"))).containsExactly("bob");
        assertThat(platformPrimary.at(local("2027-10-31T02:30", "Europe/Zurich"))).containsExactly("bob");
        assertThat(platformPrimary.at(utc("2027-11-01T07:59:59Z"))).containsExactly("bob");
        assertThat(platformPrimary.at(utc("2027-11-01T08:00:00Z"))).containsExactly("alice");
        Shift bobsWeek = platformPrimary.next(utc("2027-10-20T12:00:00Z")).orElseThrow();
        assertThat(bobsWeek).isEqualTo(new Shift(utc("2027-10-25T07:00:00Z"), utc("2027-11-01T08:00:00Z"), Set.of("bob")));
        assertThat(Duration.between(bobsWeek.start(), bobsWeek.end())).isEqualTo(Duration.ofHours(169));
        assertThat(platformPrimary.previous(utc("2027-11-01T12:00:00Z"))).contains(bobsWeek);
    }

    /** Daily 09:00 handoffs on each DST date: the turn that contains the change lasts 23 or 25 hours. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "Europe/Zurich,     2026-03-29, 23", "Europe/Zurich,     2026-10-25, 25",
            "Europe/Zurich,     2027-03-28, 23", "Europe/Zurich,     2027-10-31, 25",
            "America/New_York,  2026-03-08, 23", "America/New_York,  2026-11-01, 25",
            "America/New_York,  2027-03-14, 23", "America/New_York,  2027-11-07, 25",
            "Australia/Sydney,  2026-04-05, 25", "Australia/Sydney,  2026-10-04, 23",
            "Australia/Sydney,  2027-04-04, 25", "Australia/Sydney,  2027-10-03, 23",
            "Asia/Kolkata,      2026-03-29, 24", "Asia/Kolkata,      2027-10-31, 24",
            "UTC,               2026-03-29, 24", "UTC,               2027-10-31, 24"})
    void dailyHandoffsStayAtNineLocal(String zone, String changeDate, int hours) {
        OnCall daily = new OnCall(schedule(zone, layer("1d", "09:00", "2026-01-05", List.of("alice", "bob", "carol"))),
                List.of());
        String dayBefore = java.time.LocalDate.parse(changeDate).minusDays(1).toString();
        Instant handoff = local(dayBefore + "T09:00", zone);
        Shift turn = daily.next(handoff.minusSeconds(1)).orElseThrow();

        assertThat(turn.start()).isEqualTo(handoff);
        assertThat(turn.end()).isEqualTo(local(changeDate + "T09:00", zone));
        assertThat(Duration.between(turn.start(), turn.end())).isEqualTo(Duration.ofHours(hours));
        assertThat(daily.at(turn.end())).isNotEqualTo(turn.users());
    }

    @Test
    void twelveHourTurnsKeepTheirWallClockTimes() {
        OnCall shifts = new OnCall(schedule("Europe/Zurich",
                layer("12h", "08:00", "2027-03-27", List.of("day", "night"))), List.of());
        // Saturday 08:00-20:00 CET day, 20:00 CET - Sunday 08:00 CEST night (11 h), then day again.
        assertThat(shifts.shifts(local("2027-03-27T08:00", "Europe/Zurich"), local("2027-03-28T20:00", "Europe/Zurich")))
                .containsExactly(
                        new Shift(utc("2027-03-27T07:00:00Z"), utc("2027-03-27T19:00:00Z"), Set.of("day")),
                        new Shift(utc("2027-03-27T19:00:00Z"), utc("2027-03-28T06:00:00Z"), Set.of("night")),
                        new Shift(utc("2027-03-28T06:00:00Z"), utc("2027-03-28T18:00:00Z"), Set.of("day")));
    }

    @Test
    void anHourlyTurnWhoseHandoffDoesNotExistCollapses() {
        // Hourly turns; on 2027-03-28 Zurich skips 02:00-03:00. The 02:00 turn (moved to 03:00 CEST) collapses
        // onto the 03:00 turn, so the 01:00 turn is followed directly by the 03:00 one.
        OnCall hourly = new OnCall(schedule("Europe/Zurich",
                layer("1h", "00:00", "2027-03-28", List.of("a", "b", "c"))), List.of());
        assertThat(hourly.shifts(local("2027-03-28T01:00", "Europe/Zurich"), local("2027-03-28T05:00", "Europe/Zurich")))
                .containsExactly(
                        new Shift(utc("2027-03-28T00:00:00Z"), utc("2027-03-28T01:00:00Z"), Set.of("b")),  // 01:00 CET
                        new Shift(utc("2027-03-28T01:00:00Z"), utc("2027-03-28T02:00:00Z"), Set.of("a")),  // 03:00 CEST (turn 3)
                        new Shift(utc("2027-03-28T02:00:00Z"), utc("2027-03-28T03:00:00Z"), Set.of("b")));
    }

    @Test
    void aRepeatedHourBelongsToTheTurnThatStartedInItsFirstPass() {
        // Hourly turns; on 2027-10-31 Zurich repeats 02:00-03:00. The 02:00 turn starts at 02:00 CEST (first pass)
        // and lasts until 03:00 CET: two hours.
        OnCall hourly = new OnCall(schedule("Europe/Zurich",
                layer("1h", "00:00", "2027-10-31", List.of("a", "b", "c"))), List.of());
        assertThat(hourly.shifts(utc("2027-10-31T00:00:00Z"), utc("2027-10-31T03:00:00Z")))
                .containsExactly(
                        new Shift(utc("2027-10-31T00:00:00Z"), utc("2027-10-31T02:00:00Z"), Set.of("c")),  // 02:00 CEST
                        new Shift(utc("2027-10-31T02:00:00Z"), utc("2027-10-31T03:00:00Z"), Set.of("a"))); // 03:00 CET
    }

    @Test
    void aHandoffInTheSpringGapMovesForwardByTheGap() {
        OnCall daily = new OnCall(schedule("Europe/Zurich",
                layer("1d", "02:30", "2027-03-26", List.of("a", "b", "c"))), List.of());
        // 2027-03-28 02:30 does not exist: the handoff is at 03:30 CEST.
        assertThat(daily.at(local("2027-03-28T03:29", "Europe/Zurich"))).containsExactly("b");
        assertThat(daily.at(utc("2027-03-28T01:30:00Z"))).containsExactly("c");
        assertThat(local("2027-03-28T02:30", "Europe/Zurich")).isEqualTo(utc("2027-03-28T01:30:00Z"));
        assertThat(local("2027-10-31T02:30", "Europe/Zurich")).isEqualTo(utc("2027-10-31T00:30:00Z"));
    }

    @Test
    void aRotationStartsAtTheFirstHandoffOnOrAfterItsStartDateAndStopsAtItsEndDate() {
        // 2026-11-04 is a Wednesday: the first "Mon 09:00" handoff is 2026-11-09.
        OnCall weekly = new OnCall(schedule("Europe/Zurich", layer(null, null, "1w", "Mon 09:00", "2026-11-04",
                "2026-11-20", List.of("alice", "bob"))), List.of());
        assertThat(weekly.shifts(utc("2026-11-01T00:00:00Z"), utc("2026-11-30T00:00:00Z"))).containsExactly(
                new Shift(utc("2026-11-01T00:00:00Z"), utc("2026-11-09T08:00:00Z"), Set.of()),
                new Shift(utc("2026-11-09T08:00:00Z"), utc("2026-11-16T08:00:00Z"), Set.of("alice")),
                new Shift(utc("2026-11-16T08:00:00Z"), utc("2026-11-19T23:00:00Z"), Set.of("bob")),
                new Shift(utc("2026-11-19T23:00:00Z"), utc("2026-11-30T00:00:00Z"), Set.of()));
    }
}
