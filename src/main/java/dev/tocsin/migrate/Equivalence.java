package dev.tocsin.migrate;

import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Shift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The equivalence check, a pure function: the source's own timeline against Tocsin's who-is-on-call over
 * [from, to), compared on every stretch between consecutive boundaries of either side. Differences are merged
 * where the same pair of answers continues.
 */
public final class Equivalence {
    /** How many differing intervals a verdict lists (the first ones). */
    public static final int MAX_LISTED = 5;

    /** A stretch where the two sides disagree. */
    public record Difference(Instant start, Instant end, Set<String> source, Set<String> tocsin) {
        @Override
        public String toString() {
            return start + "–" + end + ": source " + names(source) + ", tocsin " + names(tocsin);
        }

        private static String names(Set<String> users) {
            return users.isEmpty() ? "nobody" : String.join("+", new TreeSet<>(users));
        }
    }

    /** The result for one schedule: identical when {@code differences} is empty. */
    public record Verdict(String scheduleId, List<Difference> differences) {
        public boolean identical() {
            return differences.isEmpty();
        }

        public String describe() {
            if (identical()) return scheduleId + ": identical";
            StringBuilder text = new StringBuilder(scheduleId + ": " + differences.size() + " differing interval"
                    + (differences.size() == 1 ? "" : "s"));
            for (Difference difference : differences.subList(0, Math.min(MAX_LISTED, differences.size()))) {
                text.append("\n  ").append(difference);
            }
            return text.toString();
        }
    }

    private Equivalence() {
    }

    public static Verdict compare(String scheduleId, List<SourcePeriod> source, OnCall tocsin, Instant from, Instant to) {
        List<Shift> shifts = tocsin.shifts(from, to);
        TreeSet<Instant> boundaries = new TreeSet<>();
        boundaries.add(from);
        for (SourcePeriod period : source) {
            if (period.start().isAfter(from) && period.start().isBefore(to)) boundaries.add(period.start());
            if (period.end().isAfter(from) && period.end().isBefore(to)) boundaries.add(period.end());
        }
        for (Shift shift : shifts) boundaries.add(shift.start());
        List<Difference> differences = new ArrayList<>();
        List<Instant> points = new ArrayList<>(boundaries);
        for (int i = 0; i < points.size(); i++) {
            Instant start = points.get(i);
            Instant end = i + 1 < points.size() ? points.get(i + 1) : to;
            Set<String> theirs = sourceAt(source, start);
            Set<String> ours = tocsinAt(shifts, start);
            if (theirs.equals(ours)) continue;
            Difference last = differences.isEmpty() ? null : differences.get(differences.size() - 1);
            if (last != null && last.end().equals(start) && last.source().equals(theirs) && last.tocsin().equals(ours)) {
                differences.set(differences.size() - 1, new Difference(last.start(), end, theirs, ours));
            } else {
                differences.add(new Difference(start, end, theirs, ours));
            }
        }
        return new Verdict(scheduleId, differences);
    }

    private static Set<String> sourceAt(List<SourcePeriod> source, Instant instant) {
        Set<String> users = new TreeSet<>();
        for (SourcePeriod period : source) {
            if (!instant.isBefore(period.start()) && instant.isBefore(period.end())) users.addAll(period.users());
        }
        return users;
    }

    private static Set<String> tocsinAt(List<Shift> shifts, Instant instant) {
        for (Shift shift : shifts) {
            if (!instant.isBefore(shift.start()) && instant.isBefore(shift.end())) return new TreeSet<>(shift.users());
        }
        return Set.of();
    }
}
