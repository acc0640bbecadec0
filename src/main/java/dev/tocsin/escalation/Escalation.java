package dev.tocsin.escalation;

import dev.tocsin.escalation.EscalationEffect.CancelTimers;
import dev.tocsin.escalation.EscalationEffect.NobodyToPage;
import dev.tocsin.escalation.EscalationEffect.PageUser;
import dev.tocsin.escalation.EscalationEffect.RoundRobinAdvanced;
import dev.tocsin.escalation.EscalationEffect.ScheduleTimer;
import dev.tocsin.escalation.EscalationEffect.StopPaging;
import dev.tocsin.escalation.EscalationEffect.Timeline;
import dev.tocsin.escalation.EscalationState.Status;
import dev.tocsin.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How an incident climbs its escalation policy, as pure functions of (state, event, time) → {@link Step}.
 * Nothing here reads a clock, a database or the network: who is on call comes in through a
 * {@link TargetResolver}, and everything to be done goes out as {@link EscalationEffect}s. The durable engine
 * and {@code tocsin simulate} run the same functions, on a real and a virtual clock.
 *
 * <p>Rules (docs/paging.md, "Escalation"): each level pages its people (everyone, or one in turn for
 * {@code round_robin}) and replaces whoever was paged before; without an acknowledgement within the level's
 * {@code escalate_after} the next level is paged; after the last level the policy runs again, {@code repeat}
 * times. A level that reaches nobody at that moment is skipped at once, so an empty schedule never leaves an
 * incident unpaged while someone further up could be reached; when the policy runs out, the last people paged
 * stay paged until someone acknowledges, and if nobody at all could be paged the caller is told to alert the admins.
 */
public final class Escalation {
    private Escalation() {
    }

    /** A new incident (or one triggered again): page level 1. {@code cursors} are the policy's round-robin positions. */
    public static Step start(EscalationPolicy policy, long incidentId, Instant now, TargetResolver resolver,
                             Map<Integer, Integer> cursors) {
        EscalationState initial = new EscalationState(incidentId, policy, Status.ACTIVE, 0, 0, 0, List.of(), null,
                cursors, Map.of());
        return enter(initial, 0, 0, now, resolver, new ArrayList<>());
    }

    public static Step start(EscalationPolicy policy, long incidentId, Instant now, TargetResolver resolver) {
        return start(policy, incidentId, now, resolver, Map.of());
    }

    /** A timer fired: escalate if it is the current one and nobody acknowledged; a stale timer changes nothing. */
    public static Step onTimer(EscalationState state, String key, Instant now, TargetResolver resolver) {
        if (state.status() != Status.ACTIVE || !state.timerKey().equals(key)) return Step.unchanged(state);
        List<EscalationEffect> effects = new ArrayList<>();
        effects.add(new Timeline("escalated", "not acknowledged within "
                + Durations.format(escalateAfter(state.policy().levels().get(state.levelIndex())))
                + " at level " + (state.levelIndex() + 1) + ": escalating"));
        return enter(state, state.levelIndex() + 1, state.round(), now, resolver, effects);
    }

    /**
     * Every contact method of a paged person failed, or they have none. Once nobody paged at the current level
     * can be reached, escalate to the next level now instead of waiting; with the policy exhausted there is
     * nobody further up, so the caller is told to alert the admins. One unreachable person among several
     * reachable ones is only noted.
     */
    public static Step onUnreachable(EscalationState state, String user, Instant now, TargetResolver resolver) {
        if (!paging(state) || state.paged().stream().noneMatch(page -> page.user().equals(user) && !page.unreachable())) {
            return Step.unchanged(state);
        }
        List<Page> paged = state.paged().stream()
                .map(page -> page.user().equals(user) ? page.markedUnreachable() : page).toList();
        EscalationState marked = new EscalationState(state.incidentId(), state.policy(), state.status(),
                state.levelIndex(), state.round(), state.generation(), paged, state.escalatesAt(), state.cursors(),
                state.picks());
        List<EscalationEffect> effects = new ArrayList<>();
        if (paged.stream().anyMatch(page -> !page.unreachable())) {
            effects.add(new Timeline("unreachable", user + " cannot be reached; others stay paged"));
            return new Step(marked, effects);
        }
        if (state.status() == Status.EXHAUSTED) {
            String message = "nobody paged can be reached and policy " + state.policy().id() + " is exhausted";
            effects.add(new Timeline("unreachable", message));
            effects.add(new NobodyToPage(message));
            return new Step(marked, effects);
        }
        effects.add(new Timeline("unreachable", user + " cannot be reached and nobody else at level "
                + (state.levelIndex() + 1) + " can: escalating early"));
        return enter(marked, state.levelIndex() + 1, state.round(), now, resolver, effects);
    }

    /** Someone acknowledged: escalation and every pending notification stop; the paged people stay the assignees. */
    public static Step onAcknowledged(EscalationState state, Instant now, String by) {
        if (!paging(state)) return Step.unchanged(state);
        List<EscalationEffect> effects = new ArrayList<>();
        effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        for (Page page : state.paged()) effects.add(new StopPaging(page.user(), "acknowledged by " + by));
        effects.add(new Timeline("escalation_stopped", "acknowledged by " + by + " at " + now
                + ": escalation and notifications stop"));
        return new Step(state.with(Status.ACKNOWLEDGED, state.levelIndex(), state.round(), state.paged(), null,
                state.cursors(), state.picks()), effects);
    }

    /** Resolved: everything ends. */
    public static Step onResolved(EscalationState state, Instant now, String by) {
        if (state.status() == Status.RESOLVED) return Step.unchanged(state);
        List<EscalationEffect> effects = new ArrayList<>();
        effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        if (paging(state)) for (Page page : state.paged()) effects.add(new StopPaging(page.user(), "resolved by " + by));
        effects.add(new Timeline("escalation_ended", "resolved by " + by + " at " + now));
        return new Step(state.with(Status.RESOLVED, state.levelIndex(), state.round(), List.of(), null,
                state.cursors(), state.picks()), effects);
    }

    /** Triggered again after a resolve, or an acknowledgement timed out: start over at level 1, round 1. */
    public static Step retrigger(EscalationState state, Instant now, TargetResolver resolver) {
        List<EscalationEffect> effects = new ArrayList<>();
        effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        if (paging(state)) for (Page page : state.paged()) effects.add(new StopPaging(page.user(), "triggered again"));
        effects.add(new Timeline("escalation_restarted", "triggered again: escalation starts over at level 1"));
        EscalationState fresh = state.with(Status.ACTIVE, 0, 0, List.of(), null, state.cursors(), state.picks());
        return enter(fresh, 0, 0, now, resolver, effects);
    }

    /**
     * Escalation by hand ("never hesitate to escalate"): to the next level (after the last round's last level,
     * level 1 again), or to a chosen target, whose people then replace those paged, while the current level's
     * timer starts again so the policy goes on if they do not acknowledge. Works on an acknowledged incident too.
     */
    public static Step escalateManually(EscalationState state, ManualEscalation how, Instant now,
                                        TargetResolver resolver, String by) {
        if (state.status() == Status.RESOLVED) return Step.unchanged(state);
        List<EscalationEffect> effects = new ArrayList<>();
        if (how instanceof ManualEscalation.AddResponders add) return addResponders(state, add.target(), now, resolver, by);
        if (how instanceof ManualEscalation.ToTarget toTarget) {
            Target target = toTarget.target();
            List<TargetResolver.Reached> people = resolver.reach(List.of(target), now);
            if (people.isEmpty()) {
                return new Step(state, List.of(new Timeline("escalation_refused",
                        by + " escalated to " + target + ", which reaches nobody at " + now + ": nothing changed")));
            }
            effects.add(new Timeline("escalated_manually", by + " escalated to " + target));
            List<Page> pages = people.stream().map(reached -> new Page(reached.user(), state.levelIndex() + 1,
                    state.round() + 1, target, "escalated by " + by + " to " + target, now)).toList();
            return page(state, state.levelIndex(), state.round(), pages, now, effects,
                    new HashMap<>(state.cursors()), new HashMap<>(state.picks()));
        }
        effects.add(new Timeline("escalated_manually", by + " escalated to the next level"));
        int next = state.levelIndex() + 1;
        int round = state.round();
        if (next >= state.policy().levels().size() && round >= state.policy().repeat()) next = 0;
        return enter(state, next, round, now, resolver, effects);
    }

    /**
     * Pages whoever the target reaches and is not paged yet, alongside those already paged. An acknowledged
     * escalation becomes active again at its level (the newcomers are paged until someone acknowledges); an
     * exhausted one stays exhausted; an active one keeps its escalation time.
     */
    private static Step addResponders(EscalationState state, Target target, Instant now, TargetResolver resolver, String by) {
        List<Page> stillPaged = paging(state) ? state.paged() : List.of();
        java.util.Set<String> already = stillPaged.stream().map(Page::user).collect(Collectors.toSet());
        List<Page> added = resolver.reach(List.of(target), now).stream()
                .filter(reached -> !already.contains(reached.user()))
                .map(reached -> new Page(reached.user(), state.levelIndex() + 1, state.round() + 1, target,
                        "added as responder by " + by, now))
                .toList();
        if (added.isEmpty()) {
            return new Step(state, List.of(new Timeline("responders_not_added",
                    by + " added " + target + " as responders, which reaches nobody not already paged: nothing changed")));
        }
        List<EscalationEffect> effects = new ArrayList<>();
        effects.add(new Timeline("responders_added", by + " added " + added.stream().map(Page::user)
                .collect(Collectors.joining(", ")) + " as responders"));
        for (Page page : added) effects.add(new PageUser(page.user(), page.level(), page.reason()));
        List<Page> paged = new ArrayList<>(stillPaged);
        paged.addAll(added);
        boolean exhausted = state.status() == Status.EXHAUSTED;
        Instant escalatesAt = exhausted ? null : state.status() == Status.ACTIVE && state.escalatesAt() != null
                ? state.escalatesAt() : now.plus(escalateAfter(state.policy().levels().get(state.levelIndex())));
        if (state.escalatesAt() != null) effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        EscalationState next = state.with(exhausted ? Status.EXHAUSTED : Status.ACTIVE, state.levelIndex(), state.round(),
                paged, escalatesAt, state.cursors(), state.picks());
        if (escalatesAt != null) effects.add(new ScheduleTimer(escalatesAt, next.timerKey()));
        return new Step(next, effects);
    }

    private static boolean paging(EscalationState state) {
        return state.status() == Status.ACTIVE || state.status() == Status.EXHAUSTED;
    }

    /** Pages the level at (round, index), skipping levels that reach nobody, or runs out of policy. */
    private static Step enter(EscalationState state, int index, int round, Instant now, TargetResolver resolver,
                              List<EscalationEffect> effects) {
        EscalationPolicy policy = state.policy();
        Map<Integer, Integer> cursors = new HashMap<>(state.cursors());
        Map<Integer, String> picks = new HashMap<>(state.picks());
        while (true) {
            if (index >= policy.levels().size()) {
                if (round >= policy.repeat()) return exhausted(state, round, effects, cursors, picks);
                round++;
                index = 0;
                effects.add(new Timeline("policy_repeated", "policy " + policy.id() + " starts round " + (round + 1)
                        + " of " + state.rounds()));
            }
            EscalationLevel level = policy.levels().get(index);
            List<TargetResolver.Reached> people = resolver.reach(level.targets(), now);
            String turn = "";
            if (level.assign() == EscalationLevel.Assignment.ROUND_ROBIN && !people.isEmpty()) {
                int position = roundRobin(policy, index, people, cursors, picks, effects);
                turn = ", round robin turn " + (position + 1) + " of " + people.size();
                people = List.of(people.get(position));
            }
            if (people.isEmpty()) {
                effects.add(new Timeline("level_skipped", "level " + (index + 1) + " (" + targets(level)
                        + ") reaches nobody at " + now + ": escalating at once"));
                index++;
                continue;
            }
            List<Page> pages = new ArrayList<>();
            for (TargetResolver.Reached reached : people) {
                pages.add(new Page(reached.user(), index + 1, round + 1, reached.target(),
                        TargetResolver.why(reached.target()) + turn, now));
            }
            return page(state, index, round, pages, now, effects, cursors, picks);
        }
    }

    /** Replaces whoever is paged by {@code pages} and sets the level's escalation timer. */
    private static Step page(EscalationState state, int index, int round, List<Page> pages, Instant now,
                             List<EscalationEffect> effects, Map<Integer, Integer> cursors, Map<Integer, String> picks) {
        if (state.escalatesAt() != null) effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        int levelNumber = pages.get(0).level();
        if (paging(state)) {
            for (Page old : state.paged()) effects.add(new StopPaging(old.user(), "escalated to level " + levelNumber));
        }
        effects.add(new Timeline("paged", "level " + levelNumber + ", round " + (round + 1) + " pages "
                + pages.stream().map(page -> page.user() + " (" + page.reason() + ")").collect(Collectors.joining(", "))));
        for (Page page : pages) effects.add(new PageUser(page.user(), page.level(), page.reason()));
        Instant escalatesAt = now.plus(escalateAfter(state.policy().levels().get(index)));
        EscalationState next = state.with(Status.ACTIVE, index, round, pages, escalatesAt, cursors, picks);
        effects.add(new ScheduleTimer(escalatesAt, next.timerKey()));
        return new Step(next, effects);
    }

    private static Step exhausted(EscalationState state, int round, List<EscalationEffect> effects,
                                  Map<Integer, Integer> cursors, Map<Integer, String> picks) {
        int last = Math.max(0, state.policy().levels().size() - 1);
        boolean anyone = paging(state) && !state.paged().isEmpty();
        List<Page> paged = anyone ? state.paged() : List.of();
        boolean reachable = paged.stream().anyMatch(page -> !page.unreachable());
        if (anyone && !reachable) {
            String message = "policy " + state.policy().id() + " exhausted and nobody paged can be reached: "
                    + paged.stream().map(Page::user).collect(Collectors.joining(", "));
            effects.add(new Timeline("policy_exhausted", message));
            effects.add(new NobodyToPage(message));
        } else if (anyone) {
            effects.add(new Timeline("policy_exhausted", "policy " + state.policy().id() + " exhausted after "
                    + state.rounds() + " round(s); still paged until someone acknowledges: "
                    + paged.stream().map(Page::user).collect(Collectors.joining(", "))));
        } else {
            String message = "policy " + state.policy().id() + " reaches nobody: no level has anyone to page";
            effects.add(new Timeline("nobody_paged", message));
            effects.add(new NobodyToPage(message));
        }
        if (state.escalatesAt() != null) effects.add(new CancelTimers(EscalationState.timerPrefix(state.incidentId())));
        return new Step(state.with(Status.EXHAUSTED, last, round, paged, null, cursors, picks), effects);
    }

    /** Position of the person a round-robin level pages: this incident's earlier pick if still there, else the next in turn. */
    private static int roundRobin(EscalationPolicy policy, int index, List<TargetResolver.Reached> people,
                                  Map<Integer, Integer> cursors, Map<Integer, String> picks,
                                  List<EscalationEffect> effects) {
        String earlier = picks.get(index);
        for (int i = 0; i < people.size(); i++) if (people.get(i).user().equals(earlier)) return i;
        Integer previous = cursors.get(index);
        int position = Math.floorMod(previous == null ? 0 : previous, people.size());
        int nextCursor = (position + 1) % people.size();
        cursors.put(index, nextCursor);
        picks.put(index, people.get(position).user());
        effects.add(new RoundRobinAdvanced(policy.id(), index, nextCursor, previous));
        return position;
    }

    static Duration escalateAfter(EscalationLevel level) {
        return level.escalateAfter() == null ? EscalationLevel.DEFAULT_ESCALATE_AFTER : level.escalateAfter();
    }

    private static String targets(EscalationLevel level) {
        return level.targets().stream().map(Target::toString).collect(Collectors.joining(", "));
    }
}
