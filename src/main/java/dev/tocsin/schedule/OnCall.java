package dev.tocsin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who-is-on-call for one schedule with its overrides; immutable, thread-safe, precomputed for speed.
 * Everything is computed from the rules at the instants asked about (turn numbers arithmetically from the
 * rotation's anchor, overrides from an interval index); nothing is materialised ahead. The rules are
 * described in docs/schedules.md, "How who-is-on-call is computed".
 */
public final class OnCall {
    /** How far {@link #next} and {@link #previous} look for a change before giving up. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(3 * 366);
    private static final Duration FIRST_SEARCH = Duration.ofDays(35);

    private final LayerTimeline[] layers;   // by priority, highest first
    private final OverrideIndex overrides;

    public OnCall(Schedule schedule, List<Override> overrides) {
        List<LayerTimeline> timelines = new ArrayList<>();
        for (int position = 0; position < schedule.layers().size(); position++) {
            timelines.add(new LayerTimeline(schedule.layers().get(position), position, schedule.timezone()));
        }
        timelines.sort(Comparator.comparingInt(LayerTimeline::priority).reversed());
        this.layers = timelines.toArray(new LayerTimeline[0]);
        this.overrides = new OverrideIndex(overrides);
    }

    /** The set of users on call at the instant. */
    public Set<String> at(Instant instant) {
        Participant[] current = new Participant[layers.length];
        for (int i = 0; i < layers.length; i++) current[i] = layers[i].at(instant);
        return OnCallSet.of(layers, current, overrides.at(instant));
    }

    /** The final schedule as maximal constant segments tiling [from, to), gaps included, in order. */
    public List<Shift> shifts(Instant from, Instant to) {
        List<Shift> shifts = new ArrayList<>();
        if (!from.isBefore(to)) return shifts;
        List<List<LayerTimeline.Piece>> pieces = new ArrayList<>();
        List<Instant> boundaries = new ArrayList<>(overrides.edgesWithin(from, to));
        boundaries.add(from);
        for (LayerTimeline layer : layers) {
            List<LayerTimeline.Piece> layerPieces = layer.pieces(from, to);
            pieces.add(layerPieces);
            for (LayerTimeline.Piece piece : layerPieces) {
                boundaries.add(piece.start());
                if (piece.end().isBefore(to)) boundaries.add(piece.end());
            }
        }
        boundaries.sort(null);
        int[] cursor = new int[layers.length];
        Participant[] current = new Participant[layers.length];
        Instant previousBoundary = null;
        for (int b = 0; b < boundaries.size(); b++) {
            Instant start = boundaries.get(b);
            if (start.equals(previousBoundary)) continue;
            previousBoundary = start;
            for (int i = 0; i < layers.length; i++) {
                List<LayerTimeline.Piece> layerPieces = pieces.get(i);
                while (cursor[i] < layerPieces.size() && !layerPieces.get(cursor[i]).end().isAfter(start)) cursor[i]++;
                current[i] = cursor[i] < layerPieces.size() && !layerPieces.get(cursor[i]).start().isAfter(start)
                        ? layerPieces.get(cursor[i]).participant() : null;
            }
            Set<String> users = OnCallSet.of(layers, current, overrides.at(start));
            Shift last = shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
            if (last != null && last.users().equals(users)) continue;
            if (last != null) shifts.set(shifts.size() - 1, new Shift(last.start(), start, last.users()));
            shifts.add(new Shift(start, to, users));
        }
        return shifts;
    }

    /** The user's own on-call stretches within [from, to), each with just that user in its set. */
    public List<Shift> shiftsOf(String userId, Instant from, Instant to) {
        List<Shift> stretches = new ArrayList<>();
        for (Shift shift : shifts(from, to)) {
            if (!shift.users().contains(userId)) continue;
            Shift last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last != null && last.end().equals(shift.start())) {
                stretches.set(stretches.size() - 1, new Shift(last.start(), shift.end(), last.users()));
            } else {
                stretches.add(new Shift(shift.start(), shift.end(), Set.of(userId)));
            }
        }
        return stretches;
    }

    /**
     * The segment that follows the one containing the instant (its set differs). Empty if nothing changes
     * within {@link #SEARCH_HORIZON}; a following segment that lasts beyond the horizon is cut there.
     */
    public Optional<Shift> next(Instant instant) {
        Instant horizon = instant.plus(SEARCH_HORIZON);
        for (Duration window = FIRST_SEARCH; ; window = window.multipliedBy(4)) {
            Instant end = instant.plus(window).isBefore(horizon) ? instant.plus(window) : horizon;
            List<Shift> shifts = shifts(instant, end);
            if (shifts.size() >= 3 || (end.equals(horizon) && shifts.size() == 2)) return Optional.of(shifts.get(1));
            if (end.equals(horizon)) return Optional.empty();
        }
    }

    /**
     * The segment before the one containing the instant. Empty if nothing changes within
     * {@link #SEARCH_HORIZON} before it; a segment that began before the horizon is cut there.
     */
    public Optional<Shift> previous(Instant instant) {
        Instant horizon = instant.minus(SEARCH_HORIZON);
        Instant through = instant.plusNanos(1);   // so that the current segment is the last one listed
        for (Duration window = FIRST_SEARCH; ; window = window.multipliedBy(4)) {
            Instant start = instant.minus(window).isAfter(horizon) ? instant.minus(window) : horizon;
            List<Shift> shifts = shifts(start, through);
            int size = shifts.size();
            if (size >= 3 || (start.equals(horizon) && size == 2)) return Optional.of(shifts.get(size - 2));
            if (start.equals(horizon)) return Optional.empty();
        }
    }

    /** Segments within [from, to) with nobody on call. */
    public List<Shift> gaps(Instant from, Instant to) {
        List<Shift> gaps = new ArrayList<>();
        for (Shift shift : shifts(from, to)) {
            if (shift.isGap()) gaps.add(shift);
        }
        return gaps;
    }
}
