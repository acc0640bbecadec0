package dev.tocsin.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A set of instants as sorted, disjoint, non-touching half-open intervals [start, end). Immutable. */
record Intervals(List<Interval> parts) {
    /** One half-open interval [start, end). */
    record Interval(Instant start, Instant end) {
    }

    static final Intervals EMPTY = new Intervals(List.of());

    Intervals {
        parts = List.copyOf(parts);
    }

    /** The union of any intervals, in any order, overlapping or not. */
    static Intervals of(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals.stream().filter(i -> i.end().isAfter(i.start())).toList());
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
                Interval last = merged.remove(merged.size() - 1);
                merged.add(new Interval(last.start(), last.end().isAfter(next.end()) ? last.end() : next.end()));
            } else {
                merged.add(next);
            }
        }
        return new Intervals(merged);
    }

    Intervals union(Intervals other) {
        List<Interval> all = new ArrayList<>(parts);
        all.addAll(other.parts);
        return of(all);
    }

    Intervals minus(Intervals other) {
        List<Interval> result = new ArrayList<>();
        for (Interval part : parts) {
            Instant cursor = part.start();
            for (Interval cut : other.parts) {
                if (!cut.end().isAfter(cursor) || !cut.start().isBefore(part.end())) continue;
                if (cut.start().isAfter(cursor)) result.add(new Interval(cursor, cut.start()));
                if (cut.end().isAfter(cursor)) cursor = cut.end();
            }
            if (part.end().isAfter(cursor)) result.add(new Interval(cursor, part.end()));
        }
        return new Intervals(result);
    }

    /** Whether the instant lies in one of the intervals (start inclusive, end exclusive). */
    boolean contains(Instant instant) {
        for (Interval part : parts) {
            if (!instant.isBefore(part.start()) && instant.isBefore(part.end())) return true;
        }
        return false;
    }

    Duration length() {
        Duration total = Duration.ZERO;
        for (Interval part : parts) total = total.plus(Duration.between(part.start(), part.end()));
        return total;
    }
}
