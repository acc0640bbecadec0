package dev.tocsin.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who-is-on-call for one schedule with its overrides; immutable, thread-safe, precomputed for speed. */
public final class OnCall {
    private final Schedule schedule;
    private final List<Override> overrides;

    public OnCall(Schedule schedule, List<Override> overrides) {
        this.schedule = schedule;
        this.overrides = List.copyOf(overrides);
    }

    /** The set of users on call at the instant. */
    public Set<String> at(Instant instant) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The final schedule as maximal constant segments tiling [from, to), gaps included. */
    public List<Shift> shifts(Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The user's own on-call stretches within [from, to). */
    public List<Shift> shiftsOf(String userId, Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The next segment with a different set after the one containing the instant. */
    public Optional<Shift> next(Instant instant) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The segment before the one containing the instant. */
    public Optional<Shift> previous(Instant instant) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Segments within [from, to) with nobody on call. */
    public List<Shift> gaps(Instant from, Instant to) {
        throw new UnsupportedOperationException("not yet");
    }
}
