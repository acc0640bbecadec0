package dev.tocsin.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately simple and slow statement of the rules, to check {@link OnCall} against: the turn on call
 * is the latest-numbered turn whose handoff instant is at or before the instant; a window occurrence is
 * [start, end) with both edges resolved by ZonedDateTime.of; the top non-empty priority decides; overrides
 * are scanned one by one.
 */
final class ReferenceOnCall {
    private final Schedule schedule;
    private final List<Override> overrides;

    ReferenceOnCall(Schedule schedule, List<Override> overrides) {
        this.schedule = schedule;
        this.overrides = overrides;
    }

    Set<String> at(Instant instant) {
        Set<String> users = new HashSet<>();
        Integer decided = null;
        List<Integer> priorities = new ArrayList<>();
        for (int i = 0; i < schedule.layers().size(); i++) priorities.add(priority(i));
        List<Integer> sorted = new ArrayList<>(new java.util.TreeSet<>(priorities));
        for (int p = sorted.size() - 1; p >= 0 && decided == null; p--) {
            for (int i = 0; i < schedule.layers().size(); i++) {
                if (priorities.get(i).equals(sorted.get(p))) users.addAll(layerAt(schedule.layers().get(i), instant));
            }
            if (!users.isEmpty()) decided = sorted.get(p);
        }
        Set<String> everyone = new HashSet<>();
        Set<String> result = new HashSet<>(users);
        for (Override override : overrides) {
            if (instant.isBefore(override.start()) || !instant.isBefore(override.end())) continue;
            if (override.replacing() == null) {
                everyone.add(override.userId());
            } else if (users.contains(override.replacing())) {
                result.remove(override.replacing());
            }
        }
        for (Override override : overrides) {
            if (instant.isBefore(override.start()) || !instant.isBefore(override.end())) continue;
            if (override.replacing() != null && users.contains(override.replacing())) result.add(override.userId());
        }
        return everyone.isEmpty() ? result : everyone;
    }

    private int priority(int position) {
        Integer explicit = schedule.layers().get(position).priority();
        return explicit != null ? explicit : position;
    }

    static ZoneId zone(Schedule schedule, Layer layer) {
        return layer.timezone() != null ? layer.timezone() : schedule.timezone();
    }

    static LocalDateTime anchor(Rotation rotation) {
        LocalDate date = rotation.starts();
        while (rotation.handoff().day() != null && date.getDayOfWeek() != rotation.handoff().day()) date = date.plusDays(1);
        return date.atTime(rotation.handoff().time());
    }

    private Set<String> layerAt(Layer layer, Instant instant) {
        ZoneId zone = zone(schedule, layer);
        Rotation rotation = layer.rotation();
        if (rotation.ends() != null && !instant.isBefore(ZonedDateTime.of(rotation.ends().atStartOfDay(), zone).toInstant())) {
            return Set.of();
        }
        if (!inWindows(layer.only(), zone, instant)) return Set.of();
        LocalDateTime anchor = anchor(rotation);
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        long every = rotation.every().toMillis();
        // Handoffs more than two days of local time before the instant are certainly before it: start there.
        long skip = Math.max(0, (java.time.Duration.between(anchor, local.minusDays(2)).toMillis()) / every);
        long latest = -1;
        for (long turn = skip; ; turn++) {
            LocalDateTime handoff = anchor.plus(java.time.Duration.ofMillis(turn * every));
            if (handoff.isAfter(local.plusDays(2))) break;
            if (!ZonedDateTime.of(handoff, zone).toInstant().isAfter(instant)) latest = turn;
        }
        if (latest < 0) return Set.of();
        return new HashSet<>(layer.users().get((int) (latest % layer.users().size())).users());
    }

    static boolean inWindows(List<Window> windows, ZoneId zone, Instant instant) {
        if (windows.isEmpty()) return true;
        LocalDate today = LocalDateTime.ofInstant(instant, zone).toLocalDate();
        for (Window window : windows) {
            for (LocalDate day = today.minusDays(8); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
                for (Instant[] edges : occurrences(window, zone, day)) {
                    if (!instant.isBefore(edges[0]) && instant.isBefore(edges[1])) return true;
                }
            }
        }
        return false;
    }

    /** The occurrence of a window starting on the day (0 or 1 of them), as [start, end) instants. */
    static List<Instant[]> occurrences(Window window, ZoneId zone, LocalDate day) {
        LocalDateTime start;
        LocalDateTime end;
        if (window instanceof Window.Daily daily) {
            if (!daily.days().contains(day.getDayOfWeek())) return List.of();
            start = day.atTime(daily.start());
            end = daily.end().isAfter(daily.start()) ? day.atTime(daily.end()) : day.plusDays(1).atTime(daily.end());
        } else {
            Window.Weekly weekly = (Window.Weekly) window;
            if (day.getDayOfWeek() != weekly.startDay()) return List.of();
            start = day.atTime(weekly.start());
            LocalDate endDay = day;
            while (endDay.getDayOfWeek() != weekly.endDay() || !endDay.atTime(weekly.end()).isAfter(start)) {
                endDay = endDay.plusDays(1);
            }
            end = endDay.atTime(weekly.end());
        }
        Instant from = ZonedDateTime.of(start, zone).toInstant();
        Instant to = ZonedDateTime.of(end, zone).toInstant();
        return to.isAfter(from) ? List.<Instant[]>of(new Instant[]{from, to}) : List.of();
    }
}
