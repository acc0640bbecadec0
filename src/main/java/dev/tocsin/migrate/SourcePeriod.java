package dev.tocsin.migrate;

import java.time.Instant;
import java.util.Set;

/** A stretch during which the source system says these (Tocsin) users are on call for one schedule. */
public record SourcePeriod(Instant start, Instant end, Set<String> users) {
    public SourcePeriod {
        users = Set.copyOf(users);
    }
}
