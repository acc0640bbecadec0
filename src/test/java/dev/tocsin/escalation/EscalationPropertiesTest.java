package dev.tocsin.escalation;

import dev.tocsin.escalation.EscalationEffect.NobodyToPage;
import dev.tocsin.escalation.EscalationEffect.PageUser;
import dev.tocsin.escalation.EscalationEffect.ScheduleTimer;
import dev.tocsin.escalation.EscalationState.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the escalation core over random policies and on-call situations. */
class EscalationPropertiesTest {
    private static final Instant T = Instant.parse("2027-01-01T00:00:00Z");
    /** Schedule s0…s3; who is on call in each (possibly nobody) is part of the generated case. */
    private static final List<String> PEOPLE = List.of("ann", "ben", "cat", "dan");

    record Case(EscalationPolicy policy, Map<String, Set<String>> onCall) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Target> target = Arbitraries.integers().between(0, 3).map(i -> new Target(Target.Kind.SCHEDULE, "s" + i));
        Arbitrary<EscalationLevel> level = Combinators.combine(target.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(1, 30), Arbitraries.of(EscalationLevel.Assignment.class))
                .as((targets, minutes, assign) -> new EscalationLevel(targets, Duration.ofMinutes(minutes), assign));
        Arbitrary<EscalationPolicy> policy = Combinators.combine(level.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(0, 3))
                .as((levels, repeat) -> new EscalationPolicy("p", null, levels, repeat));
        Arbitrary<Set<String>> people = Arbitraries.of(PEOPLE).set().ofMaxSize(3);
        Arbitrary<Map<String, Set<String>>> onCall = people.list().ofSize(4).map(sets -> Map.of(
                "s0", sets.get(0), "s1", sets.get(1), "s2", sets.get(2), "s3", sets.get(3)));
        return Combinators.combine(policy, onCall).as(Case::new);
    }

    private static TargetResolver resolver(Case c) {
        return new TargetResolver((schedule, at) -> c.onCall().getOrDefault(schedule, Set.of()), team -> List.of());
    }

    @Property
    void unacknowledgedItAlwaysEndsExhaustedAndNeverLeavesAnActiveIncidentUnpaged(@ForAll("cases") Case c) {
        TargetResolver resolver = resolver(c);
        boolean anyoneReachable = c.policy().levels().stream()
                .anyMatch(level -> !resolver.reach(level.targets(), T).isEmpty());
        Step step = Escalation.start(c.policy(), 1, T, resolver);
        Instant now = T;
        int firings = 0;
        while (true) {
            checkStep(step, now);
            assertThat(step.effects().stream().anyMatch(NobodyToPage.class::isInstance)).isEqualTo(!anyoneReachable);
            ScheduleTimer timer = step.effects().stream().filter(ScheduleTimer.class::isInstance)
                    .map(ScheduleTimer.class::cast).findFirst().orElse(null);
            if (timer == null) break;
            assertThat(timer.at()).isAfter(now);
            now = timer.at();
            step = Escalation.onTimer(step.state(), timer.key(), now, resolver);
            firings++;
        }
        assertThat(step.state().status()).isEqualTo(Status.EXHAUSTED);
        assertThat(firings).isLessThanOrEqualTo(c.policy().levels().size() * (c.policy().repeat() + 1));
        assertThat(step.state().paged().isEmpty()).isEqualTo(!anyoneReachable);
    }

    private static void checkStep(Step step, Instant now) {
        EscalationState state = step.state();
        if (state.status() == Status.ACTIVE) {
            assertThat(state.paged()).isNotEmpty();
            Set<String> pagedNow = step.effects().stream().filter(PageUser.class::isInstance)
                    .map(effect -> ((PageUser) effect).user()).collect(Collectors.toSet());
            assertThat(pagedNow).isEqualTo(state.paged().stream().map(Page::user).collect(Collectors.toSet()));
            assertThat(state.escalatesAt()).isAfter(now);
            EscalationLevel level = state.policy().levels().get(state.levelIndex());
            if (level.assign() == EscalationLevel.Assignment.ROUND_ROBIN) assertThat(state.paged()).hasSize(1);
        }
    }

    @Property
    void afterAnAcknowledgementNoTimerEscalatesAnyMore(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 5) int timersBefore) {
        TargetResolver resolver = resolver(c);
        Step step = Escalation.start(c.policy(), 1, T, resolver);
        Instant now = T;
        for (int i = 0; i < timersBefore; i++) {
            ScheduleTimer timer = step.effects().stream().filter(ScheduleTimer.class::isInstance)
                    .map(ScheduleTimer.class::cast).findFirst().orElse(null);
            if (timer == null) break;
            now = timer.at();
            step = Escalation.onTimer(step.state(), timer.key(), now, resolver);
        }
        Step acknowledged = Escalation.onAcknowledged(step.state(), now, "ann");
        for (long generation = 0; generation <= acknowledged.state().generation() + 1; generation++) {
            assertThat(Escalation.onTimer(acknowledged.state(), EscalationState.timerPrefix(1) + generation,
                    now.plus(Duration.ofDays(1)), resolver).effects()).isEmpty();
        }
    }
}
