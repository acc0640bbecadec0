package dev.tocsin.simulate;

import dev.tocsin.escalation.Escalation;
import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.escalation.Step;
import dev.tocsin.escalation.TargetResolver;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.notify.NotificationStep;
import dev.tocsin.paging.EffectInterpreter;
import dev.tocsin.paging.PagingSink;
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
 * "What happens if the database alert fires at 03:00 on Christmas Eve?": runs the escalation core through the
 * engine's own {@link EffectInterpreter} on a virtual clock from {@code at}, sending nothing, and lists every
 * notification and escalation event in time order. Round-robin levels start from the policy's stored turns
 * ({@code cursors}); the turns the simulation takes are reported, never stored. Without an acknowledgement it
 * runs until the policy is exhausted (repeats included) and stops there; with one, until the acknowledgement.
 *
 * <p>Ties, as in the engine: at one instant the escalation (or acknowledgement) goes first, so a person's
 * notification due at the very instant they stop being paged is not sent; a notification due at the instant
 * someone is paged (an {@code after: 0m} rule) is sent.
 */
public final class Simulation {
    /** What a simulation cannot know, said with every answer. */
    public static final List<String> CANNOT_KNOW = List.of(
            "whether providers accept and deliver each notification: a failed one falls back to the person's next "
                    + "contact method and, once nobody at the level can be reached, escalates early",
            "throttles and bundling: notifications held back by a rate limit or sent together in one message",
            "whether people answer, acknowledge or escalate by hand (beyond ack_after)",
            "round-robin turns other incidents of the policy take meanwhile: the simulation starts from the stored "
                    + "turns and does not take them",
            "changes to the configuration, schedules or overrides made after now");

    /** The simulated timeline, the round-robin turns it took, and what it cannot know. */
    public record Result(List<SimulatedStep> steps, List<RoundRobinTurn> roundRobin, List<String> cannotKnow) {
    }

    /**
     * A round-robin level of the policy: the stored position it starts from, and the turn the simulation took there
     * (who, which of how many, when), or null fields when the simulation never reached the level.
     *
     * @param level  1-based level
     * @param cursor the stored position of the level's next turn (0-based), or null when it never took one
     */
    public record RoundRobinTurn(int level, Integer cursor, String user, Integer turn, Integer of, Instant at) {
    }

    private record Paged(NotificationPlan plan, int level, int round) {
    }

    private record Timer(String key, Instant at) {
    }

    private final EscalationPolicy policy;
    private final TargetResolver resolver;
    private final Instant start;
    private final Map<Integer, Integer> cursors;
    private final List<SimulatedStep> lines = new ArrayList<>();
    private final Map<String, Paged> paged = new LinkedHashMap<>();
    private final List<RoundRobinTurn> turns = new ArrayList<>();
    private EscalationState state;
    private Timer timer;

    private Simulation(EscalationPolicy policy, TargetResolver resolver, Instant start, Map<Integer, Integer> cursors) {
        this.policy = policy;
        this.resolver = resolver;
        this.start = start;
        this.cursors = Map.copyOf(cursors);
    }

    /** The simulated timeline, from no stored round-robin turns; {@code ackAfter} null means nobody acknowledges. */
    public static List<SimulatedStep> run(EscalationPolicy policy, Function<String, Optional<User>> users,
                                          TargetResolver resolver, Urgency urgency, Instant at, Duration ackAfter) {
        return run(policy, users, resolver, urgency, at, ackAfter, Map.of()).steps();
    }

    /**
     * The simulated timeline starting from the policy's round-robin positions {@code cursors} (0-based level index →
     * position, as the engine stores them); {@code ackAfter} null means nobody acknowledges.
     */
    public static Result run(EscalationPolicy policy, Function<String, Optional<User>> users, TargetResolver resolver,
                             Urgency urgency, Instant at, Duration ackAfter, Map<Integer, Integer> cursors) {
        Simulation simulation = new Simulation(policy, resolver, at, cursors);
        simulation.run(new EffectInterpreter(users, resolver), simulation.new OnVirtualClock(), urgency, ackAfter == null ? null : at.plus(ackAfter));
        return new Result(simulation.sorted(), simulation.roundRobin(), CANNOT_KNOW);
    }

    private void run(EffectInterpreter interpreter, PagingSink sink, Urgency urgency, Instant acknowledgedAt) {
        Step step = interpreter.carryOut(Escalation.start(policy, 0, start, resolver, cursors), urgency, start, sink);
        Instant now = start;
        // An acknowledgement wins a tie with the escalation due at the same instant.
        while (timer != null && (acknowledgedAt == null || timer.at().isBefore(acknowledgedAt))) {
            Timer due = timer;
            timer = null;
            now = due.at();
            step = interpreter.carryOut(Escalation.onTimer(step.state(), due.key(), now, resolver), urgency, now, sink);
        }
        Instant end = now;
        if (acknowledgedAt != null) {
            end = acknowledgedAt;
            interpreter.carryOut(Escalation.onAcknowledged(step.state(), acknowledgedAt, "the simulation"), urgency,
                    acknowledgedAt, sink);
        }
        for (String user : List.copyOf(paged.keySet())) sink.stopNotifying(user, "the simulation ends", end);
    }

    private List<SimulatedStep> sorted() {
        List<SimulatedStep> sorted = new ArrayList<>(lines);
        // Stable sort: at one instant, events come in the order they happened, before that instant's notifications.
        sorted.sort(Comparator.comparing(SimulatedStep::at).thenComparing(SimulatedStep::kind, Comparator.reverseOrder()));
        return sorted;
    }

    /** Every round-robin level: the turns taken, or the level alone when the simulation never reached it. */
    private List<RoundRobinTurn> roundRobin() {
        List<RoundRobinTurn> all = new ArrayList<>();
        for (int index = 0; index < policy.levels().size(); index++) {
            if (policy.levels().get(index).assign() != EscalationLevel.Assignment.ROUND_ROBIN) continue;
            int level = index + 1;
            List<RoundRobinTurn> taken = turns.stream().filter(turn -> turn.level() == level).toList();
            all.addAll(taken.isEmpty() ? List.of(new RoundRobinTurn(level, cursors.get(index), null, null, null, null)) : taken);
        }
        return all;
    }

    /** The engine's effects, kept in memory on the virtual clock. */
    private final class OnVirtualClock implements PagingSink {
        @Override
        public void saveEscalation(EscalationState saved, Instant at) {
            state = saved;
        }

        @Override
        public void startNotifying(NotificationPlan plan, int level, int round, Instant at) {
            paged.put(plan.user(), new Paged(plan, level, round));
        }

        /** The person is no longer notified from {@code at} on: their plan's steps before it happen. */
        @Override
        public void stopNotifying(String user, String reason, Instant at) {
            Paged stopped = paged.remove(user);
            if (stopped == null) return;
            for (NotificationStep step : stopped.plan().until(at)) {
                lines.add(new SimulatedStep(step.at(), Duration.between(start, step.at()), SimulatedStep.Kind.NOTIFY,
                        user, step.method(), stopped.level(), stopped.round(), null, null));
            }
        }

        @Override
        public void scheduleEscalation(String key, Instant due, Instant at) {
            timer = new Timer(key, due);
        }

        @Override
        public void cancelTimers(String prefix, Instant at) {
            if (timer != null && timer.key().startsWith(prefix)) timer = null;
        }

        /** The turn is reported, not stored: a simulation says whose turn it would be and leaves the cursor alone. */
        @Override
        public void roundRobinAdvanced(EscalationEffect.RoundRobinAdvanced turn, Instant at) {
            EscalationLevel level = policy.levels().get(turn.levelIndex());
            int people = resolver.reach(level.targets(), at).size();
            int position = Math.floorMod(turn.previous() == null ? 0 : turn.previous(), people);
            turns.add(new RoundRobinTurn(turn.levelIndex() + 1, cursors.get(turn.levelIndex()),
                    state.picks().get(turn.levelIndex()), position + 1, people, at));
        }

        @Override
        public void nobodyToPage(String message, Instant at) {
            event(at, "admins_alerted", "nobody can be paged: the admins would be alerted");
        }

        @Override
        public void timeline(String kind, String message, boolean byActor, Instant at) {
            event(at, kind, message);
        }

        @Override
        public void paged(List<String> users, Instant at) {
        }
    }

    private void event(Instant at, String kind, String message) {
        lines.add(new SimulatedStep(at, Duration.between(start, at), SimulatedStep.Kind.EVENT, null, null, 0, 0, kind,
                message));
    }
}
