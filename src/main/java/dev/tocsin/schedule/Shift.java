package dev.tocsin.schedule;

import java.time.Instant;
import java.util.Set;

/** A stretch of time during which the same set of people is on call (empty set = nobody: a gap). */
public record Shift(Instant start, Instant end, Set<String> users) {
    public Shift {
        users = Set.copyOf(users);
    }

    public boolean isGap() {
        return users.isEmpty();
    }
}
