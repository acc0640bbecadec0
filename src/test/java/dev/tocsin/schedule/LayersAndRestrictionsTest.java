package dev.tocsin.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.tocsin.schedule.Build.layer;
import static dev.tocsin.schedule.Build.local;
import static dev.tocsin.schedule.Build.schedule;
import static dev.tocsin.schedule.Build.utc;
import static org.assertj.core.api.Assertions.assertThat;

/** Priorities, equal-priority layers, groups and restrictions, in the shapes of PagerDuty and Opsgenie. */
class LayersAndRestrictionsTest {
    private static final String ZURICH = "Europe/Zurich";

    @Test
    void aLaterLayerWinsWhereItHasSomeoneOnCall() {
        // PagerDuty: layer 2 (weekday daytime) over layer 1 (24/7 weekly).
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer("1w", "Mon 09:00", "2027-01-04", List.of("alice", "bob")),
                layer("1d", "08:00", "2027-01-04", List.of("carol", "dave"), "Mon-Fri 08:00-18:00")), List.of());

        assertThat(onCall.at(local("2027-01-04T07:00", ZURICH))).isEmpty();                 // before either starts
        assertThat(onCall.at(local("2027-01-04T08:30", ZURICH))).containsExactly("carol");
        assertThat(onCall.at(local("2027-01-04T18:00", ZURICH))).containsExactly("alice");
        assertThat(onCall.at(local("2027-01-05T12:00", ZURICH))).containsExactly("dave");
        assertThat(onCall.at(local("2027-01-09T12:00", ZURICH))).containsExactly("alice");   // Saturday
    }

    @Test
    void anExplicitPriorityBeatsThePositionInTheList() {
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer(5, null, "1w", "Mon 09:00", "2027-01-04", null, List.of("alice")),
                layer(null, null, "1w", "Mon 09:00", "2027-01-04", null, List.of("bob"))), List.of());
        assertThat(onCall.at(local("2027-01-05T12:00", ZURICH))).containsExactly("alice");
    }

    @Test
    void layersOfEqualPriorityAddUpLikeOpsgenieRotations() {
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer(0, null, "1w", "Mon 09:00", "2027-01-04", null, List.of("alice", "bob")),
                layer(0, null, "1d", "09:00", "2027-01-04", null, List.of("carol", "dave"), "Mon-Fri 09:00-17:00")),
                List.of());
        assertThat(onCall.at(local("2027-01-04T10:00", ZURICH))).containsExactlyInAnyOrder("alice", "carol");
        assertThat(onCall.at(local("2027-01-05T10:00", ZURICH))).containsExactlyInAnyOrder("alice", "dave");
        assertThat(onCall.at(local("2027-01-05T20:00", ZURICH))).containsExactly("alice");
    }

    @Test
    void aGroupTurnPutsAllItsUsersOnCall() {
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer("1w", "Mon 09:00", "2027-01-04", List.of("alice", "bob+carol", "dave"))), List.of());
        assertThat(onCall.at(local("2027-01-12T00:00", ZURICH))).containsExactlyInAnyOrder("bob", "carol");
        assertThat(onCall.shiftsOf("carol", utc("2027-01-01T00:00:00Z"), utc("2027-02-01T00:00:00Z"))).containsExactly(
                new Shift(local("2027-01-11T09:00", ZURICH), local("2027-01-18T09:00", ZURICH), Set.of("carol")));
    }

    @Test
    void aDailyRestrictionCutsTheTurnButTheParticipantKeepsIt() {
        // PagerDuty daily_restriction 09:00 for 8 h on a weekly rotation: alice's turn only counts 09:00-17:00.
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer("1w", "Mon 12:00", "2027-01-04", List.of("alice", "bob"), "09:00-17:00")), List.of());
        assertThat(onCall.shifts(local("2027-01-11T00:00", ZURICH), local("2027-01-12T00:00", ZURICH))).containsExactly(
                new Shift(local("2027-01-11T00:00", ZURICH), local("2027-01-11T09:00", ZURICH), Set.of()),
                new Shift(local("2027-01-11T09:00", ZURICH), local("2027-01-11T12:00", ZURICH), Set.of("alice")),
                new Shift(local("2027-01-11T12:00", ZURICH), local("2027-01-11T17:00", ZURICH), Set.of("bob")),
                new Shift(local("2027-01-11T17:00", ZURICH), local("2027-01-12T00:00", ZURICH), Set.of()));
    }

    @Test
    void aNightWindowBelongsToTheDayItStarts() {
        // Opsgenie weekday-and-time-of-day: Mon-Fri 22:00-06:00 covers Friday night into Saturday, not Sunday night.
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer("1w", "Mon 09:00", "2027-01-04", List.of("alice"), "Mon-Fri 22:00-06:00")), List.of());
        assertThat(onCall.at(local("2027-01-09T05:59", ZURICH))).containsExactly("alice");   // Saturday morning
        assertThat(onCall.at(local("2027-01-11T05:00", ZURICH))).isEmpty();                  // Monday morning
        assertThat(onCall.at(local("2027-01-11T22:00", ZURICH))).containsExactly("alice");
        assertThat(onCall.gaps(local("2027-01-11T00:00", ZURICH), local("2027-01-12T00:00", ZURICH)))
                .extracting(Shift::start, Shift::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(local("2027-01-11T00:00", ZURICH),
                        local("2027-01-11T22:00", ZURICH)));
    }

    @Test
    void aWeeklySpanWrapsTheWeekEnd() {
        // PagerDuty weekly_restriction Fri 18:00 for 62 h, i.e. "Fri 18:00 - Mon 08:00".
        OnCall onCall = new OnCall(schedule(ZURICH,
                layer("1w", "Mon 09:00", "2027-01-04", List.of("alice", "bob"), "Fri 18:00 - Mon 08:00")), List.of());
        assertThat(onCall.at(local("2027-01-08T17:59", ZURICH))).isEmpty();
        assertThat(onCall.at(local("2027-01-08T18:00", ZURICH))).containsExactly("alice");
        assertThat(onCall.at(local("2027-01-11T07:59", ZURICH))).containsExactly("alice");
        assertThat(onCall.at(local("2027-01-11T08:00", ZURICH))).isEmpty();
        assertThat(onCall.at(local("2027-01-15T20:00", ZURICH))).containsExactly("bob");
    }

    @Test
    void severalWindowsUnite() {
        OnCall onCall = new OnCall(schedule(ZURICH, layer("1d", "00:00", "2027-01-04", List.of("alice"),
                "Mon-Fri 08:00-12:00", "Mon-Fri 11:00-14:00", "Sat 10:00 - Sun 10:00")), List.of());
        assertThat(onCall.shiftsOf("alice", local("2027-01-08T00:00", ZURICH), local("2027-01-10T23:00", ZURICH)))
                .extracting(Shift::start, Shift::end).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(local("2027-01-08T08:00", ZURICH), local("2027-01-08T14:00", ZURICH)),
                        org.assertj.core.groups.Tuple.tuple(local("2027-01-09T10:00", ZURICH), local("2027-01-10T10:00", ZURICH)));
    }

    @Test
    void followTheSunHandsOverAtLocalMorningAndEvening() {
        // Zurich covers 08:00-20:00 Zurich time, Sydney 08:00-20:00 Sydney time; in January Sydney is UTC+11 and
        // Zurich UTC+1, so Sydney covers 21:00-09:00Z and Zurich 07:00-19:00Z: they overlap 07:00-09:00Z
        // (equal priority: both) and nobody covers 19:00-21:00Z.
        OnCall onCall = new OnCall(schedule("UTC",
                layer(0, ZURICH, "1w", "Mon 08:00", "2027-01-04", null, List.of("zoe", "zack"), "08:00-20:00"),
                layer(0, "Australia/Sydney", "1w", "Mon 08:00", "2027-01-04", null, List.of("sam", "sid"), "08:00-20:00")),
                List.of());
        assertThat(onCall.shifts(utc("2027-01-05T00:00:00Z"), utc("2027-01-06T00:00:00Z"))).containsExactly(
                new Shift(utc("2027-01-05T00:00:00Z"), utc("2027-01-05T07:00:00Z"), Set.of("sam")),
                new Shift(utc("2027-01-05T07:00:00Z"), utc("2027-01-05T09:00:00Z"), Set.of("sam", "zoe")),
                new Shift(utc("2027-01-05T09:00:00Z"), utc("2027-01-05T19:00:00Z"), Set.of("zoe")),
                new Shift(utc("2027-01-05T19:00:00Z"), utc("2027-01-05T21:00:00Z"), Set.of()),
                new Shift(utc("2027-01-05T21:00:00Z"), utc("2027-01-06T00:00:00Z"), Set.of("sam")));
    }

    @Test
    void windowEdgesFollowTheGapAndRepeatRule() {
        // A window edge in the spring-forward gap moves forward by the gap; one in the repeated hour takes the
        // first pass (Europe/Zurich: 2027-03-28 skips 02:00-03:00, 2027-10-31 repeats it).
        OnCall spring = new OnCall(schedule(ZURICH, layer("1d", "00:00", "2027-03-01", List.of("alice"), "02:30-05:00")),
                List.of());
        assertThat(spring.shiftsOf("alice", utc("2027-03-28T00:00:00Z"), utc("2027-03-28T12:00:00Z")))
                .containsExactly(new Shift(utc("2027-03-28T01:30:00Z"), utc("2027-03-28T03:00:00Z"), Set.of("alice")));
        OnCall autumn = new OnCall(schedule(ZURICH, layer("1d", "00:00", "2027-10-01", List.of("alice"), "01:00-02:30")),
                List.of());
        assertThat(autumn.shiftsOf("alice", utc("2027-10-30T22:00:00Z"), utc("2027-10-31T12:00:00Z")))
                .containsExactly(new Shift(utc("2027-10-30T23:00:00Z"), utc("2027-10-31T00:30:00Z"), Set.of("alice")));
        assertThat(autumn.at(utc("2027-10-31T01:30:00Z"))).isEmpty();   // 02:30 CET, the second pass
    }
}
