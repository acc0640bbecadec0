package dev.tocsin.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.tocsin.schedule.Build.layer;
import static dev.tocsin.schedule.Build.override;
import static dev.tocsin.schedule.Build.schedule;
import static dev.tocsin.schedule.Build.utc;
import static org.assertj.core.api.Assertions.assertThat;

/** Overrides replacing everyone, one user, and overlapping. */
class OverrideTest {
    /** alice and bob on call together (equal priority) all of January 2027, UTC. */
    private static Schedule aliceAndBob() {
        return schedule("UTC",
                layer(0, null, "1w", "Mon 00:00", "2027-01-04", "2027-02-01", List.of("alice")),
                layer(0, null, "1w", "Mon 00:00", "2027-01-04", "2027-02-01", List.of("bob")));
    }

    @Test
    void anOverrideReplacesEveryoneForItsTime() {
        OnCall onCall = new OnCall(aliceAndBob(), List.of(
                override("carol", null, utc("2027-01-10T10:00:00Z"), utc("2027-01-10T12:00:00Z"))));
        assertThat(onCall.at(utc("2027-01-10T09:59:59Z"))).containsExactlyInAnyOrder("alice", "bob");
        assertThat(onCall.at(utc("2027-01-10T10:00:00Z"))).containsExactly("carol");
        assertThat(onCall.at(utc("2027-01-10T12:00:00Z"))).containsExactlyInAnyOrder("alice", "bob");
        assertThat(onCall.shifts(utc("2027-01-10T00:00:00Z"), utc("2027-01-11T00:00:00Z"))).containsExactly(
                new Shift(utc("2027-01-10T00:00:00Z"), utc("2027-01-10T10:00:00Z"), Set.of("alice", "bob")),
                new Shift(utc("2027-01-10T10:00:00Z"), utc("2027-01-10T12:00:00Z"), Set.of("carol")),
                new Shift(utc("2027-01-10T12:00:00Z"), utc("2027-01-11T00:00:00Z"), Set.of("alice", "bob")));
    }

    @Test
    void anOverrideReplacingOneUserLeavesTheOthers() {
        OnCall onCall = new OnCall(aliceAndBob(), List.of(
                override("carol", "bob", utc("2027-01-10T10:00:00Z"), utc("2027-01-10T12:00:00Z"))));
        assertThat(onCall.at(utc("2027-01-10T11:00:00Z"))).containsExactlyInAnyOrder("alice", "carol");
        assertThat(onCall.shiftsOf("bob", utc("2027-01-10T00:00:00Z"), utc("2027-01-11T00:00:00Z")))
                .extracting(Shift::end).containsExactly(utc("2027-01-10T10:00:00Z"), utc("2027-01-11T00:00:00Z"));
    }

    @Test
    void anOverrideReplacingSomeoneWhoIsNotOnCallDoesNothing() {
        OnCall onCall = new OnCall(aliceAndBob(), List.of(
                override("carol", "dave", utc("2027-01-10T10:00:00Z"), utc("2027-01-10T12:00:00Z")),
                override("erin", "alice", utc("2027-02-10T10:00:00Z"), utc("2027-02-10T12:00:00Z"))));
        assertThat(onCall.at(utc("2027-01-10T11:00:00Z"))).containsExactlyInAnyOrder("alice", "bob");
        assertThat(onCall.at(utc("2027-02-10T11:00:00Z"))).isEmpty();   // after the layers end
    }

    @Test
    void overlappingOverridesCombine() {
        OnCall onCall = new OnCall(aliceAndBob(), List.of(
                override("carol", null, utc("2027-01-10T10:00:00Z"), utc("2027-01-10T12:00:00Z")),
                override("dave", null, utc("2027-01-10T11:00:00Z"), utc("2027-01-10T13:00:00Z")),
                override("erin", "alice", utc("2027-01-10T12:30:00Z"), utc("2027-01-10T14:00:00Z")),
                override("frank", "bob", utc("2027-01-10T13:30:00Z"), utc("2027-01-10T14:00:00Z"))));
        assertThat(onCall.shifts(utc("2027-01-10T10:00:00Z"), utc("2027-01-10T15:00:00Z"))).containsExactly(
                new Shift(utc("2027-01-10T10:00:00Z"), utc("2027-01-10T11:00:00Z"), Set.of("carol")),
                new Shift(utc("2027-01-10T11:00:00Z"), utc("2027-01-10T12:00:00Z"), Set.of("carol", "dave")),
                new Shift(utc("2027-01-10T12:00:00Z"), utc("2027-01-10T13:00:00Z"), Set.of("dave")),
                new Shift(utc("2027-01-10T13:00:00Z"), utc("2027-01-10T13:30:00Z"), Set.of("erin", "bob")),
                new Shift(utc("2027-01-10T13:30:00Z"), utc("2027-01-10T14:00:00Z"), Set.of("erin", "frank")),
                new Shift(utc("2027-01-10T14:00:00Z"), utc("2027-01-10T15:00:00Z"), Set.of("alice", "bob")));
    }

    @Test
    void anOverrideFillsAGapAndNextAndPreviousSeeIt() {
        OnCall onCall = new OnCall(aliceAndBob(), List.of(
                override("carol", null, utc("2027-02-03T00:00:00Z"), utc("2027-02-04T00:00:00Z"))));
        assertThat(onCall.gaps(utc("2027-01-31T00:00:00Z"), utc("2027-02-06T00:00:00Z"))).containsExactly(
                new Shift(utc("2027-02-01T00:00:00Z"), utc("2027-02-03T00:00:00Z"), Set.of()),
                new Shift(utc("2027-02-04T00:00:00Z"), utc("2027-02-06T00:00:00Z"), Set.of()));
        assertThat(onCall.next(utc("2027-02-01T05:00:00Z"))).contains(
                new Shift(utc("2027-02-03T00:00:00Z"), utc("2027-02-04T00:00:00Z"), Set.of("carol")));
        assertThat(onCall.previous(utc("2027-02-03T05:00:00Z"))).contains(
                new Shift(utc("2027-02-01T00:00:00Z"), utc("2027-02-03T00:00:00Z"), Set.of()));
        assertThat(onCall.next(utc("2027-02-05T00:00:00Z"))).isEmpty();   // nothing changes ever after
    }
}
