package dev.tocsin.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a layer has on call: its rotation's turns cut to its windows. A restricted turn keeps its participant;
 * only the part inside the windows counts (PagerDuty's semantics), and outside the windows the layer is empty.
 */
final class LayerTimeline {
    /** A stretch during which the layer has the given participant on call. */
    record Piece(Instant start, Instant end, Participant participant) {
    }

    private final int priority;
    private final List<Participant> participants;
    private final Turns turns;
    private final Restriction restriction;
    /** For a layer of fixed shifts (imported calendars): its pieces; null for a rotation. */
    private final FixedPieces fixed;

    LayerTimeline(Layer layer, int position, ZoneId scheduleZone) {
        ZoneId zone = layer.timezone() != null ? layer.timezone() : scheduleZone;
        this.priority = layer.priority() != null ? layer.priority() : position;
        this.participants = layer.users();
        this.fixed = layer.isFixed() ? FixedPieces.of(layer.shifts()) : null;
        this.turns = layer.isFixed() ? null : new Turns(layer.rotation(), zone);
        this.restriction = new Restriction(layer.only(), zone);
    }

    int priority() {
        return priority;
    }

    Turns turns() {
        return turns;
    }

    /** The participant on call at the instant, or null when the layer is empty there. */
    Participant at(Instant instant) {
        if (fixed != null) return fixed.at(instant);
        if (participants.isEmpty()) return null;
        long turn = turns.turnAt(instant);
        if (turn < 0 || !restriction.covers(instant)) return null;
        return participants.get((int) Math.floorMod(turn, (long) participants.size()));
    }

    /** The layer's non-empty stretches within [from, to), ordered, not overlapping. */
    List<Piece> pieces(Instant from, Instant to) {
        if (fixed != null) return fixed.pieces(from, to);
        List<Piece> pieces = new ArrayList<>();
        Instant start = from.isBefore(turns.first()) ? turns.first() : from;
        Instant stop = to.isAfter(turns.end()) ? turns.end() : to;
        if (participants.isEmpty() || !start.isBefore(stop)) return pieces;
        List<Restriction.Span> spans = restriction.spans(start, stop);
        int spanIndex = 0;
        long turn = turns.turnAt(start);
        Instant turnStart = start;
        while (turnStart.isBefore(stop) && spanIndex < spans.size()) {
            Instant next = turns.start(turn + 1);
            Instant turnEnd = next.isAfter(stop) ? stop : next;
            Participant participant = participants.get((int) Math.floorMod(turn, (long) participants.size()));
            // Intersect [turnStart, turnEnd) with the window spans.
            while (spanIndex < spans.size() && spans.get(spanIndex).start().isBefore(turnEnd)) {
                Restriction.Span span = spans.get(spanIndex);
                Instant pieceStart = span.start().isAfter(turnStart) ? span.start() : turnStart;
                Instant pieceEnd = span.end().isBefore(turnEnd) ? span.end() : turnEnd;
                if (pieceStart.isBefore(pieceEnd)) pieces.add(new Piece(pieceStart, pieceEnd, participant));
                if (span.end().isAfter(turnEnd)) break;
                spanIndex++;
            }
            turnStart = turnEnd;
            turn++;
        }
        return pieces;
    }
}
