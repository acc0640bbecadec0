package dev.tocsin.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The windows of a layer ({@code only:}) read in the layer's time zone: the union of their occurrences.
 * Each occurrence runs from its local start to its local end, both resolved to instants by {@link LocalTimes}
 * (so a window edge in a spring-forward gap moves forward, one in a repeated hour takes the first pass).
 * A daily window running past midnight belongs to the day it starts; a weekly span may wrap the week end.
 */
final class Restriction {
    /** One occurrence of a window. */
    record Span(Instant start, Instant end) {
    }

    private final List<Window> windows;
    private final ZoneId zone;

    Restriction(List<Window> windows, ZoneId zone) {
        this.windows = windows;
        this.zone = zone;
    }

    boolean unrestricted() {
        return windows.isEmpty();
    }

    /** Whether the instant is inside one of the windows (always, if there are none). */
    boolean covers(Instant instant) {
        if (windows.isEmpty()) return true;
        LocalDate date = LocalDateTime.ofInstant(instant, zone).toLocalDate();
        for (Window window : windows) {
            int lookBack = window instanceof Window.Daily ? 2 : 8;
            for (int back = 0; back <= lookBack; back++) {
                Span span = occurrence(window, date.minusDays(back));
                if (span != null && !instant.isBefore(span.start()) && instant.isBefore(span.end())) return true;
            }
            // A gap-moved start can push an occurrence of tomorrow's date into today; cheap to check too.
            Span span = occurrence(window, date.plusDays(1));
            if (span != null && !instant.isBefore(span.start()) && instant.isBefore(span.end())) return true;
        }
        return false;
    }

    /** The covered stretches within [from, to), merged, ordered; [from, to) itself when unrestricted. */
    List<Span> spans(Instant from, Instant to) {
        List<Span> all = new ArrayList<>();
        if (windows.isEmpty()) {
            all.add(new Span(from, to));
            return all;
        }
        LocalDate first = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(8);
        LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate().plusDays(1);
        for (Window window : windows) {
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                Span span = occurrence(window, date);
                if (span == null || !span.end().isAfter(from) || !span.start().isBefore(to)) continue;
                all.add(new Span(span.start().isBefore(from) ? from : span.start(), span.end().isAfter(to) ? to : span.end()));
            }
        }
        all.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : all) {
            Span lastSpan = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (lastSpan != null && !span.start().isAfter(lastSpan.end())) {
                if (span.end().isAfter(lastSpan.end())) merged.set(merged.size() - 1, new Span(lastSpan.start(), span.end()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The occurrence of the window that starts on the local date, or null if none starts that day. */
    private Span occurrence(Window window, LocalDate date) {
        if (window instanceof Window.Daily daily) {
            if (!daily.days().contains(date.getDayOfWeek())) return null;
            LocalDate endDate = daily.pastMidnight() ? date.plusDays(1) : date;
            return span(date.atTime(daily.start()), endDate.atTime(daily.end()));
        }
        Window.Weekly weekly = (Window.Weekly) window;
        if (date.getDayOfWeek() != weekly.startDay()) return null;
        int days = Math.floorMod(weekly.endDay().getValue() - weekly.startDay().getValue(), 7);
        if (days == 0 && !weekly.end().isAfter(weekly.start())) days = 7;
        return span(date.atTime(weekly.start()), date.plusDays(days).atTime(weekly.end()));
    }

    private Span span(LocalDateTime start, LocalDateTime end) {
        Instant from = LocalTimes.resolve(start, zone);
        Instant to = LocalTimes.resolve(end, zone);
        return to.isAfter(from) ? new Span(from, to) : null;
    }

}
