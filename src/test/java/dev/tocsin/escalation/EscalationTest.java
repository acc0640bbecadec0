package dev.tocsin.escalation;

import dev.tocsin.escalation.EscalationEffect.NobodyToPage;
import dev.tocsin.escalation.EscalationEffect.PageUser;
import dev.tocsin.escalation.EscalationEffect.RoundRobinAdvanced;
import dev.tocsin.escalation.EscalationEffect.ScheduleTimer;
import dev.tocsin.escalation.EscalationEffect.StopPaging;
import dev.tocsin.escalation.EscalationLevel.Assignment;
import dev.tocsin.escalation.EscalationState.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How an incident climbs its policy, told as stories with the time passed in. */
class EscalationTest {
    private static final Instant T = Instant.parse("2027-03-24T02:00:00Z");
    private static final Duration FIFTEEN = Duration.ofMinutes(15);

    /** primary: alice; backup: bob; night: nobody; seniors: dave and erin; team platform: alice, bob, carol. */
    private static final TargetResolver RESOLVER = new TargetResolver(
            (schedule, at) -> switch (schedule) {
                case "primary" -> Set.of("alice");
                case "backup" -> Set.of("bob");
                case "seniors" -> Set.of("erin", "dave");
                default -> Set.of();
            },
            team -> team.equals("platform") ? List.of("alice", "bob", "carol") : List.of());

    private static EscalationLevel level(Assignment assign, String... targets) {
        return new EscalationLevel(List.of(targets).stream().map(text -> Target.parse(text).orElseThrow()).toList(),
                FIFTEEN, assign);
    }

    private static EscalationLevel level(String... targets) {
        return level(Assignment.EVERYONE, targets);
    }

    private static EscalationPolicy policy(int repeat, EscalationLevel... levels) {
        return new EscalationPolicy("p", null, List.of(levels), repeat);
    }

    private static List<String> paged(Step step) {
        return step.effects().stream().filter(PageUser.class::isInstance).map(e -> ((PageUser) e).user()).toList();
    }

    private static List<String> stopped(Step step) {
        return step.effects().stream().filter(StopPaging.class::isInstance).map(e -> ((StopPaging) e).user()).toList();
    }

    private static ScheduleTimer timer(Step step) {
        return step.effects().stream().filter(ScheduleTimer.class::isInstance).map(ScheduleTimer.class::cast)
                .reduce((first, second) -> second).orElseThrow();
    }

    private static Step fire(Step step) {
        ScheduleTimer timer = timer(step);
        return Escalation.onTimer(step.state(), timer.key(), timer.at(), RESOLVER);
    }

    @Test
    void escalatesToTheBackupAfterFifteenMinutesUnacknowledged() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:backup")), 7, T, RESOLVER);
        assertThat(paged(started)).containsExactly("alice");
        assertThat(timer(started).at()).isEqualTo(T.plus(FIFTEEN));
        assertThat(started.state().explain()).isEqualTo("level 1 of 2, round 1 of 1, escalates at 2027-03-24T02:15:00Z "
                + "unless acknowledged. Paged: alice at level 1, round 1, since 2027-03-24T02:00:00Z: on call in schedule:primary");

        Step escalated = fire(started);
        assertThat(stopped(escalated)).containsExactly("alice");
        assertThat(paged(escalated)).containsExactly("bob");
        assertThat(escalated.state().paged()).extracting(Page::user, Page::level).containsExactly(org.assertj.core.groups.Tuple.tuple("bob", 2));

        Step exhausted = fire(escalated);
        assertThat(exhausted.state().status()).isEqualTo(Status.EXHAUSTED);
        assertThat(stopped(exhausted)).isEmpty();
        assertThat(exhausted.state().paged()).extracting(Page::user).containsExactly("bob");
        assertThat(exhausted.effects()).noneMatch(ScheduleTimer.class::isInstance);
    }

    @Test
    void acknowledgingStopsEscalationAndNotificationsAndAStaleTimerChangesNothing() {
        Step started = Escalation.start(policy(2, level("schedule:primary"), level("schedule:backup")), 7, T, RESOLVER);
        Step acknowledged = Escalation.onAcknowledged(started.state(), T.plusSeconds(60), "alice");
        assertThat(stopped(acknowledged)).containsExactly("alice");
        assertThat(acknowledged.effects()).contains(new EscalationEffect.CancelTimers("escalation/7/"));
        assertThat(acknowledged.state().status()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(acknowledged.state().explain()).startsWith("acknowledged at level 1 of 2");

        Step late = Escalation.onTimer(acknowledged.state(), timer(started).key(), T.plus(FIFTEEN), RESOLVER);
        assertThat(late.effects()).isEmpty();
        assertThat(Escalation.onTimer(started.state(), "escalation/7/999", T.plus(FIFTEEN), RESOLVER).effects()).isEmpty();
    }

    @Test
    void resolveEndsEverythingAndATriggerAfterwardsStartsOver() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:backup")), 7, T, RESOLVER);
        Step atBackup = fire(started);
        Step resolved = Escalation.onResolved(atBackup.state(), T.plus(Duration.ofMinutes(20)), "bob");
        assertThat(stopped(resolved)).containsExactly("bob");
        assertThat(resolved.state().paged()).isEmpty();
        assertThat(resolved.state().explain()).isEqualTo("resolved; nobody is paged");

        Step again = Escalation.retrigger(resolved.state(), T.plus(Duration.ofHours(1)), RESOLVER);
        assertThat(again.state().levelIndex()).isZero();
        assertThat(again.state().status()).isEqualTo(Status.ACTIVE);
        assertThat(paged(again)).containsExactly("alice");
        assertThat(timer(again).at()).isEqualTo(T.plus(Duration.ofHours(1)).plus(FIFTEEN));
    }

    @Test
    void aTeamTargetPagesEveryMemberAndAPersonIsPagedOnceWhenTwoTargetsReachThem() {
        Step started = Escalation.start(policy(0, level("team:platform", "schedule:primary", "user:dave")), 1, T, RESOLVER);
        assertThat(paged(started)).containsExactly("alice", "bob", "carol", "dave");
        assertThat(started.state().paged()).extracting(Page::reason)
                .containsExactly("member of team:platform", "member of team:platform", "member of team:platform", "named in user:dave");
    }

    @Test
    void roundRobinPagesOnePersonPerIncidentInTurn() {
        EscalationPolicy policy = policy(1, level(Assignment.ROUND_ROBIN, "team:platform"), level("user:dave"));
        Map<Integer, Integer> cursors = new HashMap<>();
        List<String> firstPaged = new java.util.ArrayList<>();
        for (long incident = 1; incident <= 4; incident++) {
            Step started = Escalation.start(policy, incident, T, RESOLVER, cursors);
            firstPaged.addAll(paged(started));
            started.effects().stream().filter(RoundRobinAdvanced.class::isInstance).map(RoundRobinAdvanced.class::cast)
                    .forEach(advanced -> cursors.put(advanced.levelIndex(), advanced.cursor()));
            if (incident == 2) {
                // The same incident coming back to the level in round 2 pages the same person again.
                Step round2 = fire(fire(started));
                assertThat(paged(round2)).containsExactly("bob");
                assertThat(round2.effects()).noneMatch(RoundRobinAdvanced.class::isInstance);
            }
        }
        assertThat(firstPaged).containsExactly("alice", "bob", "carol", "alice");
    }

    @Test
    void aLevelWithNobodyOnCallIsSkippedAtOnceSoTheIncidentIsNeverSilent() {
        Step started = Escalation.start(policy(0, level("schedule:night"), level("schedule:backup")), 3, T, RESOLVER);
        assertThat(paged(started)).containsExactly("bob");
        assertThat(started.state().levelIndex()).isEqualTo(1);
        assertThat(started.effects()).anyMatch(effect -> effect instanceof EscalationEffect.Timeline timeline
                && timeline.kind().equals("level_skipped")
                && timeline.message().equals("level 1 (schedule:night) reaches nobody at 2027-03-24T02:00:00Z: escalating at once"));
    }

    @Test
    void aPolicyThatReachesNobodyAtAllTellsTheCallerToAlertTheAdmins() {
        Step started = Escalation.start(policy(2, level("schedule:night"), level("team:nobody")), 3, T, RESOLVER);
        assertThat(paged(started)).isEmpty();
        assertThat(started.state().status()).isEqualTo(Status.EXHAUSTED);
        assertThat(started.effects()).anyMatch(NobodyToPage.class::isInstance);
    }

    @Test
    void anEmptyLevelLaterKeepsTheCurrentPeoplePagedWhileSkippingIt() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:night")), 3, T, RESOLVER);
        Step exhausted = fire(started);
        assertThat(exhausted.state().status()).isEqualTo(Status.EXHAUSTED);
        assertThat(exhausted.state().paged()).extracting(Page::user).containsExactly("alice");
        assertThat(stopped(exhausted)).isEmpty();
    }

    @Test
    void manualEscalationToTheNextLevelPagesItNowAndRestartsItsTimer() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:backup"), level("user:carol")),
                9, T, RESOLVER);
        Instant now = T.plus(Duration.ofMinutes(4));
        Step next = Escalation.escalateManually(started.state(), new ManualEscalation.NextLevel(), now, RESOLVER, "alice");
        assertThat(stopped(next)).containsExactly("alice");
        assertThat(paged(next)).containsExactly("bob");
        assertThat(timer(next).at()).isEqualTo(now.plus(FIFTEEN));
        assertThat(Escalation.onTimer(next.state(), timer(started).key(), T.plus(FIFTEEN), RESOLVER).effects())
                .as("the level-1 timer is stale now").isEmpty();
        assertThat(paged(fire(next))).containsExactly("carol");
    }

    @Test
    void manualEscalationToAChosenScheduleWorksAfterAnAcknowledgementAndThePolicyGoesOnAfterIt() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:backup")), 9, T, RESOLVER);
        Step acknowledged = Escalation.onAcknowledged(started.state(), T.plusSeconds(90), "alice");
        Instant now = T.plus(Duration.ofMinutes(10));
        Step seniors = Escalation.escalateManually(acknowledged.state(),
                new ManualEscalation.ToTarget(Target.parse("schedule:seniors").orElseThrow()), now, RESOLVER, "alice");
        assertThat(stopped(seniors)).as("alice's notifications already stopped at the acknowledgement").isEmpty();
        assertThat(paged(seniors)).containsExactly("dave", "erin");
        assertThat(seniors.state().status()).isEqualTo(Status.ACTIVE);
        assertThat(seniors.state().paged()).extracting(Page::reason)
                .containsOnly("escalated by alice to schedule:seniors");
        assertThat(paged(fire(seniors))).containsExactly("bob");
    }

    @Test
    void manualEscalationToSomeoneWhoCannotBeReachedChangesNothing() {
        Step started = Escalation.start(policy(0, level("schedule:primary")), 9, T, RESOLVER);
        Step refused = Escalation.escalateManually(started.state(),
                new ManualEscalation.ToTarget(Target.parse("schedule:night").orElseThrow()), T, RESOLVER, "alice");
        assertThat(refused.state()).isEqualTo(started.state());
        assertThat(refused.effects()).singleElement().isInstanceOf(EscalationEffect.Timeline.class);
    }

    @Test
    void manualEscalationPastTheLastLevelOfTheLastRoundStartsAtLevelOneAgain() {
        Step started = Escalation.start(policy(0, level("schedule:primary"), level("schedule:backup")), 9, T, RESOLVER);
        Step exhausted = fire(fire(started));
        Step again = Escalation.escalateManually(exhausted.state(), new ManualEscalation.NextLevel(), T.plus(Duration.ofHours(1)),
                RESOLVER, "bob");
        assertThat(paged(again)).containsExactly("alice");
        assertThat(stopped(again)).containsExactly("bob");
    }

    @Test
    void whenNobodyPagedAtALevelCanBeReachedItEscalatesEarly() {
        Step started = Escalation.start(policy(0, level("team:platform"), level("schedule:backup")), 5, T, RESOLVER);
        Instant now = T.plusSeconds(30);
        Step one = Escalation.onUnreachable(started.state(), "alice", now, RESOLVER);
        assertThat(paged(one)).isEmpty();
        assertThat(one.state().paged()).filteredOn(Page::unreachable).extracting(Page::user).containsExactly("alice");
        assertThat(Escalation.onUnreachable(one.state(), "alice", now, RESOLVER).effects()).as("told twice").isEmpty();
        Step two = Escalation.onUnreachable(one.state(), "carol", now, RESOLVER);
        Step all = Escalation.onUnreachable(two.state(), "bob", now, RESOLVER);
        assertThat(paged(all)).containsExactly("bob");
        assertThat(all.state().levelIndex()).isEqualTo(1);
        assertThat(timer(all).at()).isEqualTo(now.plus(FIFTEEN));

        Step exhausted = fire(all);
        Step nobody = Escalation.onUnreachable(exhausted.state(), "bob", exhausted.state().paged().get(0).pagedAt(), RESOLVER);
        assertThat(nobody.effects()).anyMatch(NobodyToPage.class::isInstance);
        assertThat(nobody.state().explain()).endsWith("(cannot be reached)");
    }
}
