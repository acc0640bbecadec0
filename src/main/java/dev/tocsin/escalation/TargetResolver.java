package dev.tocsin.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns targets into people at an instant. Who is on call and who is in a team are passed in as functions so
 * the escalation core stays pure: production passes the on-call service, tests and the simulation the same.
 *
 * @param onCall      (schedule id, instant) → users on call then; empty for an unknown schedule
 * @param teamMembers team id → member ids in file order; empty for an unknown team
 */
public record TargetResolver(BiFunction<String, Instant, Set<String>> onCall, Function<String, List<String>> teamMembers) {
    /** A person and the target that reached them. */
    public record Reached(String user, Target target) {
    }

    /** Everyone the targets reach at the instant, each once, in target order (a schedule's people sorted by id). */
    public List<Reached> reach(List<Target> targets, Instant at) {
        Map<String, Reached> people = new LinkedHashMap<>();
        for (Target target : targets) {
            List<String> users = switch (target.kind()) {
                case USER -> List.of(target.id());
                case SCHEDULE -> new ArrayList<>(new TreeSet<>(onCall.apply(target.id(), at)));
                case TEAM -> teamMembers.apply(target.id());
            };
            for (String user : users) people.putIfAbsent(user, new Reached(user, target));
        }
        return List.copyOf(people.values());
    }

    /** Why a target reached a person, for the timeline. */
    public static String why(Target target) {
        return switch (target.kind()) {
            case USER -> "named in " + target;
            case SCHEDULE -> "on call in " + target;
            case TEAM -> "member of " + target;
        };
    }
}
