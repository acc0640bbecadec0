package dev.tocsin.simulate;

import dev.tocsin.escalation.Escalation;
import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.escalation.Step;
import dev.tocsin.escalation.TargetResolver;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.notify.NotificationStep;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * "What happens if the database alert fires at 03:00 on Christmas Eve?": runs the escalation core and the
 * people's notification plans on a virtual clock from {@code at}, sending nothing, and lists every
 * notification and escalation event in time order. Without an acknowledgement it runs until the policy is
 * exhausted (repeats included) and stops there; with one, until the acknowledgement (which wins a tie with a
 * notification or escalation due at the same instant).
 */
public final class Simulation {
    private record Paged(NotificationPlan plan, int level, int round) {
    }

    private final EscalationPolicy policy;
    private final Function<String, Optional<User>> users;
    private final TargetResolver resolver;
    private final Urgency urgency;
    private final Instant start;
    private final List<SimulatedStep> lines = new ArrayList<>();
    private final Map<String, Paged> paged = new LinkedHashMap<>();
    private final List<String> unreachable = new ArrayList<>();
    private EscalationEffect.ScheduleTimer timer;

    private Simulation(EscalationPolicy policy, Function<String, Optional<User>> users, TargetResolver resolver,
                       Urgency urgency, Instant start) {
        this.policy = policy;
        this.users = users;
        this.resolver = resolver;
        this.urgency = urgency;
        this.start = start;
    }

    /** The simulated timeline; {@code ackAfter} null means nobody acknowledges. */
    public static List<SimulatedStep> run(EscalationPolicy policy, Function<String, Optional<User>> users,
                                          TargetResolver resolver, Urgency urgency, Instant at, Duration ackAfter) {
        return new Simulation(policy, users, resolver, urgency, at).run(ackAfter == null ? null : at.plus(ackAfter));
    }

    private List<SimulatedStep> run(Instant acknowledgedAt) {
        Step step = apply(Escalation.start(policy, 0, start, resolver), start);
        Instant now = start;
        while (timer != null && (acknowledgedAt == null || timer.at().isBefore(acknowledgedAt))) {
            EscalationEffect.ScheduleTimer due = timer;
            timer = null;
            now = due.at();
            step = apply(Escalation.onTimer(step.state(), due.key(), now, resolver), now);
        }
        Instant end = now;
        if (acknowledgedAt != null) {
            end = acknowledgedAt;
            apply(Escalation.onAcknowledged(step.state(), acknowledgedAt, "the simulation"), acknowledgedAt);
        }
        for (String user : List.copyOf(paged.keySet())) stop(user, end);
        List<SimulatedStep> sorted = new ArrayList<>(lines);
        // Stable sort: at one instant, events come in the order they happened, before that instant's notifications.
        sorted.sort(Comparator.comparing(SimulatedStep::at).thenComparing(SimulatedStep::kind, Comparator.reverseOrder()));
        return sorted;
    }

    /** Carries out the step's effects, then escalates early past anyone paged who cannot be reached, as the engine does. */
    private Step apply(Step step, Instant now) {
        applyEffects(step, now);
        while (!unreachable.isEmpty()) {
            step = Escalation.onUnreachable(step.state(), unreachable.remove(0), now, resolver);
            applyEffects(step, now);
        }
        return step;
    }

    private void applyEffects(Step step, Instant now) {
        EscalationState state = step.state();
        for (EscalationEffect effect : step.effects()) {
            if (effect instanceof EscalationEffect.PageUser page) {
                page(page.user(), page.level(), state.round() + 1, now);
            } else if (effect instanceof EscalationEffect.StopPaging stop) {
                stop(stop.user(), now);
            } else if (effect instanceof EscalationEffect.ScheduleTimer scheduled) {
                timer = scheduled;
            } else if (effect instanceof EscalationEffect.CancelTimers) {
                timer = null;
            } else if (effect instanceof EscalationEffect.Timeline timeline) {
                event(now, timeline.message());
            } else if (effect instanceof EscalationEffect.NobodyToPage) {
                event(now, "nobody can be paged: the admins would be alerted");
            }
            // RoundRobinAdvanced: a simulation takes the turn it would get but does not move the real cursor.
        }
    }

    private void page(String userId, int level, int round, Instant now) {
        Optional<User> user = users.apply(userId);
        if (user.isEmpty()) {
            event(now, userId + " is not a configured user and cannot be notified");
            unreachable.add(userId);
            return;
        }
        NotificationPlan plan = NotificationPlan.forUser(user.get(), urgency, now);
        if (plan.isEmpty()) {
            event(now, userId + " has no contact method and cannot be notified");
            unreachable.add(userId);
        }
        paged.put(userId, new Paged(plan, level, round));
    }

    /** The person is no longer notified from {@code at} on: their plan's steps before it happen. */
    private void stop(String userId, Instant at) {
        Paged stopped = paged.remove(userId);
        if (stopped == null) return;
        for (NotificationStep step : stopped.plan().until(at)) {
            lines.add(new SimulatedStep(step.at(), Duration.between(start, step.at()), SimulatedStep.Kind.NOTIFY,
                    userId, step.method(), stopped.level(), stopped.round(), null));
        }
    }

    private void event(Instant at, String message) {
        lines.add(new SimulatedStep(at, Duration.between(start, at), SimulatedStep.Kind.EVENT, null, null, 0, 0, message));
    }
}
