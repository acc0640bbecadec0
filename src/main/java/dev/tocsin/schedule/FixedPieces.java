package dev.tocsin.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed-shift layer as the ordered, non-overlapping pieces {@link LayerTimeline} works with: where shifts
 * overlap, their people are on call together (one group participant), as Grafana OnCall's shifts of one
 * level combine.
 */
final class FixedPieces {
    private final List<LayerTimeline.Piece> pieces;
    private final List<Instant> starts;

    private FixedPieces(List<LayerTimeline.Piece> pieces) {
        this.pieces = pieces;
        this.starts = pieces.stream().map(LayerTimeline.Piece::start).toList();
    }

    /** A sweep over the shifts' edges, O(n log n): a user is on call while they have at least one open shift. */
    static FixedPieces of(List<FixedShift> shifts) {
        TreeMap<Instant, Map<String, Integer>> changes = new TreeMap<>();
        for (FixedShift shift : shifts) {
            if (!shift.end().isAfter(shift.start())) continue;
            changes.computeIfAbsent(shift.start(), t -> new HashMap<>()).merge(shift.userId(), 1, Integer::sum);
            changes.computeIfAbsent(shift.end(), t -> new HashMap<>()).merge(shift.userId(), -1, Integer::sum);
        }
        Map<String, Integer> open = new TreeMap<>();
        List<LayerTimeline.Piece> pieces = new ArrayList<>();
        Instant previous = null;
        for (Map.Entry<Instant, Map<String, Integer>> change : changes.entrySet()) {
            Instant edge = change.getKey();
            if (previous != null && !open.isEmpty()) {
                List<String> users = List.copyOf(open.keySet());
                LayerTimeline.Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                if (last != null && last.end().equals(previous) && last.participant().users().equals(users)) {
                    pieces.set(pieces.size() - 1, new LayerTimeline.Piece(last.start(), edge, last.participant()));
                } else {
                    pieces.add(new LayerTimeline.Piece(previous, edge, new Participant(users)));
                }
            }
            change.getValue().forEach((user, delta) -> {
                int count = open.getOrDefault(user, 0) + delta;
                if (count == 0) open.remove(user);
                else open.put(user, count);
            });
            previous = edge;
        }
        return new FixedPieces(List.copyOf(pieces));
    }

    /** Who is on call at the instant, or null. */
    Participant at(Instant instant) {
        int index = Collections.binarySearch(starts, instant);
        int candidate = index >= 0 ? index : -index - 2;
        if (candidate < 0) return null;
        LayerTimeline.Piece piece = pieces.get(candidate);
        return piece.end().isAfter(instant) ? piece.participant() : null;
    }

    /** The pieces within [from, to), clipped. */
    List<LayerTimeline.Piece> pieces(Instant from, Instant to) {
        List<LayerTimeline.Piece> result = new ArrayList<>();
        for (LayerTimeline.Piece piece : pieces) {
            if (!piece.end().isAfter(from) || !piece.start().isBefore(to)) continue;
            result.add(new LayerTimeline.Piece(piece.start().isBefore(from) ? from : piece.start(),
                    piece.end().isAfter(to) ? to : piece.end(), piece.participant()));
        }
        return result;
    }
}
