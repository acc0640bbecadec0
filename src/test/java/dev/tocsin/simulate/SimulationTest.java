package dev.tocsin.simulate;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.TargetResolver;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.team.Membership;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestServer;
import dev.tocsin.time.Durations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story on the example organisation, on a virtual clock: in the week of 14 December 2026 alice is
 * the primary and bob the backup; policy {@code platform} is 15m / 15m / carol, repeated twice.
 */
class SimulationTest {
    /** Wednesday 16 December 2026, 03:00 in Zurich. */
    private static final Instant T = Instant.parse("2026-12-16T02:00:00Z");
    private static Organisation organisation;

    @BeforeAll
    static void applyExample() {
        organisation = Organisations.of(TestServer.resource("config/example.yaml"));
    }

    private static List<String> simulate(Duration ackAfter) {
        TargetResolver resolver = new TargetResolver(
                (schedule, at) -> organisation.schedule(schedule).map(s -> new OnCall(s, List.of()).at(at)).orElse(Set.of()),
                team -> organisation.team(team).map(t -> t.members().stream().map(Membership::user).toList()).orElse(List.of()));
        return Simulation.run(organisation.escalationPolicy("platform").orElseThrow(), organisation::user, resolver,
                        Urgency.HIGH, T, ackAfter).stream()
                .map(step -> "+" + Durations.format(step.offset()) + " "
                        + (step.kind() == SimulatedStep.Kind.NOTIFY ? step.user() + " " + step.method().type() + " "
                        + step.method().id() + " level " + step.level() + " round " + step.round() : "| " + step.message()))
                .toList();
    }

    @Test
    void acknowledgingAtTwentyMinutesStopsEverything() {
        assertThat(simulate(Duration.ofMinutes(20))).containsExactly(
                "+0m | level 1, round 1 pages alice (on call in schedule:platform-primary)",
                "+1m alice ntfy alice-push level 1 round 1",
                "+2m alice sms alice-sms level 1 round 1",
                "+2m alice voice alice-voice level 1 round 1",
                "+7m alice voice alice-voice level 1 round 1",
                "+12m alice voice alice-voice level 1 round 1",
                "+15m | not acknowledged within 15m at level 1: escalating",
                "+15m | level 2, round 1 pages bob (on call in schedule:platform-backup)",
                "+15m bob sms bob-sms level 2 round 1",
                "+20m | acknowledged by the simulation at 2026-12-16T02:20:00Z: escalation and notifications stop");
    }

    @Test
    void unacknowledgedThePolicyRunsThreeRoundsThenCarolStaysPaged() {
        List<String> lines = simulate(null);
        assertThat(lines).filteredOn(line -> !line.contains("|")).containsExactly(
                "+1m alice ntfy alice-push level 1 round 1",
                "+2m alice sms alice-sms level 1 round 1",
                "+2m alice voice alice-voice level 1 round 1",
                "+7m alice voice alice-voice level 1 round 1",
                "+12m alice voice alice-voice level 1 round 1",
                "+15m bob sms bob-sms level 2 round 1",
                "+30m carol email carol-mail level 3 round 1",
                "+46m alice ntfy alice-push level 1 round 2",
                "+47m alice sms alice-sms level 1 round 2",
                "+47m alice voice alice-voice level 1 round 2",
                "+52m alice voice alice-voice level 1 round 2",
                "+57m alice voice alice-voice level 1 round 2",
                "+1h bob sms bob-sms level 2 round 2",
                "+1h15m carol email carol-mail level 3 round 2",
                "+1h31m alice ntfy alice-push level 1 round 3",
                "+1h32m alice sms alice-sms level 1 round 3",
                "+1h32m alice voice alice-voice level 1 round 3",
                "+1h37m alice voice alice-voice level 1 round 3",
                "+1h42m alice voice alice-voice level 1 round 3",
                "+1h45m bob sms bob-sms level 2 round 3",
                "+2h carol email carol-mail level 3 round 3");
        assertThat(lines).contains("+45m | policy platform starts round 2 of 3", "+1h30m | policy platform starts round 3 of 3");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("+2h15m | policy platform exhausted after 3 round(s); still paged until someone acknowledges: carol");
    }

    @Test
    void aTieBetweenAcknowledgementAndEscalationGoesToTheAcknowledgement() {
        assertThat(simulate(Duration.ofMinutes(15))).noneMatch(line -> line.contains("bob"))
                .last().asString().startsWith("+15m | acknowledged");
    }

    @Test
    void aPersonWhoCannotBeReachedIsEscalatedPastAtOnce() {
        dev.tocsin.escalation.EscalationPolicy policy = new dev.tocsin.escalation.EscalationPolicy("night", null, List.of(
                new dev.tocsin.escalation.EscalationLevel(List.of(dev.tocsin.escalation.Target.parse("user:zed").orElseThrow()),
                        Duration.ofMinutes(15), dev.tocsin.escalation.EscalationLevel.Assignment.EVERYONE),
                new dev.tocsin.escalation.EscalationLevel(List.of(dev.tocsin.escalation.Target.parse("user:carol").orElseThrow()),
                        Duration.ofMinutes(15), dev.tocsin.escalation.EscalationLevel.Assignment.EVERYONE)), 0);
        dev.tocsin.user.User zed = new dev.tocsin.user.User("zed", "Zed", null, java.time.ZoneOffset.UTC, null, List.of(), java.util.Map.of());
        TargetResolver resolver = new TargetResolver((schedule, at) -> Set.of(), team -> List.of());
        List<SimulatedStep> steps = Simulation.run(policy,
                id -> id.equals("zed") ? java.util.Optional.of(zed) : organisation.user(id), resolver, Urgency.HIGH, T, null);
        assertThat(steps).extracting(step -> "+" + Durations.format(step.offset()) + " "
                        + (step.kind() == SimulatedStep.Kind.NOTIFY ? step.user() + " " + step.method().id() : step.message()))
                .containsExactly(
                        "+0m level 1, round 1 pages zed (named in user:zed)",
                        "+0m zed has no contact method and cannot be notified",
                        "+0m zed cannot be reached and nobody else at level 1 can: escalating early",
                        "+0m level 2, round 1 pages carol (named in user:carol)",
                        "+0m carol carol-mail",
                        "+15m not acknowledged within 15m at level 2: escalating",
                        "+15m policy night exhausted after 1 round(s); still paged until someone acknowledges: carol");
    }
}
