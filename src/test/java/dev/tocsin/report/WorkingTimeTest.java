package dev.tocsin.report;

import dev.tocsin.user.User;
import dev.tocsin.user.WorkingHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingTimeTest {
    private static User user(String zone, String hours) {
        return new User("u", "U", null, ZoneId.of(zone), WorkingHours.parse(hours), List.of(), Map.of());
    }

    @Test
    void workingHoursFollowTheLocalClockAcrossTheSpringForwardChange() {
        Intervals work = WorkingTime.of(user("Europe/Zurich", "Mon-Fri 08:00-18:00"),
                Instant.parse("2027-03-26T00:00:00Z"), Instant.parse("2027-03-30T00:00:00Z"));

        assertThat(work.parts()).containsExactly(
                new Intervals.Interval(Instant.parse("2027-03-26T07:00:00Z"), Instant.parse("2027-03-26T17:00:00Z")),
                new Intervals.Interval(Instant.parse("2027-03-29T06:00:00Z"), Instant.parse("2027-03-29T16:00:00Z")));
    }

    @Test
    void aWindowPastMidnightRunsIntoTheNextDay() {
        Intervals work = WorkingTime.of(user("Asia/Kolkata", "Mon 22:00-06:00"),
                Instant.parse("2027-03-22T00:00:00Z"), Instant.parse("2027-03-24T00:00:00Z"));

        // Monday 22:00 IST = 16:30Z, to Tuesday 06:00 IST = 00:30Z.
        assertThat(work.parts()).containsExactly(
                new Intervals.Interval(Instant.parse("2027-03-22T16:30:00Z"), Instant.parse("2027-03-23T00:30:00Z")));
    }

    @Test
    void intervalsMergeAndSubtract() {
        Instant t0 = Instant.parse("2027-01-01T00:00:00Z");
        Intervals a = Intervals.of(List.of(new Intervals.Interval(t0, t0.plusSeconds(10)),
                new Intervals.Interval(t0.plusSeconds(5), t0.plusSeconds(20))));
        Intervals cut = Intervals.of(List.of(new Intervals.Interval(t0.plusSeconds(2), t0.plusSeconds(4))));

        assertThat(a.parts()).hasSize(1);
        assertThat(a.minus(cut).length().toSeconds()).isEqualTo(18);
        assertThat(a.minus(cut).parts()).hasSize(2);
    }
}
