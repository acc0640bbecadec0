package dev.tocsin.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where one incident stands on its escalation policy. The caller persists it between calls to
 * {@link Escalation}; everything the incident shows about paging ("who is paged, at which level, and why") is
 * derived from it by {@link #explain()}.
 *
 * @param levelIndex  0-based index of the current level
 * @param round       0-based round of the policy (it runs {@code repeat + 1} rounds)
 * @param generation  bumped on every move, so a timer set for an earlier position is recognised as stale
 * @param paged       who is paged now (kept after an acknowledgement: they are the incident's assignees)
 * @param escalatesAt when the current level escalates if nobody acknowledges, or null
 * @param cursors     round-robin position per 0-based level index; shared by all incidents of the policy,
 *                    so the caller seeds it from and writes it back to its own store
 * @param picks       the person each round-robin level picked for this incident (0-based level index → user)
 */
public record EscalationState(long incidentId, EscalationPolicy policy, Status status, int levelIndex, int round,
                              long generation, List<Page> paged, Instant escalatesAt, Map<Integer, Integer> cursors,
                              Map<Integer, String> picks) {
    /** Where an incident's escalation is. */
    public enum Status {
        /** Paging and escalating. */
        ACTIVE,
        /** Someone acknowledged: no more notifications or escalation until a re-trigger. */
        ACKNOWLEDGED,
        /** The last round's last level ran out: its people stay paged until someone acknowledges. */
        EXHAUSTED,
        /** Resolved: nothing more happens unless the incident is triggered again. */
        RESOLVED
    }

    public EscalationState {
        paged = List.copyOf(paged);
        cursors = Map.copyOf(cursors);
        picks = Map.copyOf(picks);
    }

    /** Prefix of every timer key of this incident. */
    public static String timerPrefix(long incidentId) {
        return "escalation/" + incidentId + "/";
    }

    /** The key of the timer that escalates from the current position. */
    public String timerKey() {
        return timerPrefix(incidentId) + generation;
    }

    /** Rounds the policy runs in all. */
    public int rounds() {
        return policy.repeat() + 1;
    }

    /** Who is paged, at which level and why, in a sentence or two. */
    public String explain() {
        String position = "level " + (levelIndex + 1) + " of " + policy.levels().size() + ", round " + (round + 1)
                + " of " + rounds();
        String people = paged.isEmpty() ? "nobody is paged"
                : paged.stream().map(Page::describe).collect(Collectors.joining("; "));
        return switch (status) {
            case ACTIVE -> position + (escalatesAt == null ? "" : ", escalates at " + escalatesAt + " unless acknowledged")
                    + ". Paged: " + people;
            case ACKNOWLEDGED -> "acknowledged at " + position + ". Were paged: " + people;
            case EXHAUSTED -> paged.isEmpty() ? "policy exhausted: nobody could be paged"
                    : "policy exhausted (" + position + "); paged until acknowledged: " + people;
            case RESOLVED -> "resolved; nobody is paged";
        };
    }

    EscalationState with(Status newStatus, int newLevel, int newRound, List<Page> newPaged, Instant newEscalatesAt,
                         Map<Integer, Integer> newCursors, Map<Integer, String> newPicks) {
        return new EscalationState(incidentId, policy, newStatus, newLevel, newRound, generation + 1, newPaged,
                newEscalatesAt, newCursors, newPicks);
    }
}
