package dev.tocsin.urgency;

import dev.tocsin.schedule.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a service is supported by day, e.g. {@code Mon-Fri 08:00-18:00} in {@code Europe/Zurich}: low-urgency
 * incidents are notified only inside these hours. The window is read day by day in its own time zone, so it
 * follows the wall clock across DST changes; a local start that does not exist (spring forward) moves forward by
 * the gap, as {@link ZonedDateTime#of} does. A window past midnight belongs to the day it starts on. Pure.
 */
public record SupportHours(ZoneId zone, Window.Daily window) {
    public SupportHours {
        java.util.Objects.requireNonNull(zone, "zone");
        java.util.Objects.requireNonNull(window, "window");
    }

    /** Parses {@code "Mon-Fri 08:00-18:00"}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static SupportHours parse(ZoneId zone, String hours) {
        Window parsed = Window.parse(hours);
        if (!(parsed instanceof Window.Daily daily)) {
            throw new IllegalArgumentException("support hours must be days and hours like 'Mon-Fri 08:00-18:00', not a weekly span");
        }
        return new SupportHours(zone, daily);
    }

    /** True when {@code at} falls inside one of the windows (start inclusive, end exclusive). */
    public boolean contains(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (!window.days().contains(day.getDayOfWeek())) continue;
            if (!start(day).isAfter(at) && end(day).isAfter(at)) return true;
        }
        return false;
    }

    /** The first start of a window strictly after {@code after}. */
    public Instant nextStart(Instant after) {
        LocalDate first = after.atZone(zone).toLocalDate();
        for (LocalDate day = first; day.isBefore(first.plusDays(9)); day = day.plusDays(1)) {
            if (window.days().contains(day.getDayOfWeek()) && start(day).isAfter(after)) return start(day);
        }
        throw new IllegalStateException("support hours " + this + " have no day in a week");
    }

    /** {@code at} itself inside support hours, else empty (the caller waits for {@link #nextStart}). */
    public Optional<Instant> openAt(Instant at) {
        return contains(at) ? Optional.of(at) : Optional.empty();
    }

    private Instant start(LocalDate day) {
        return ZonedDateTime.of(day, window.start(), zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return ZonedDateTime.of(window.pastMidnight() ? day.plusDays(1) : day, window.end(), zone).toInstant();
    }

    /** {@code Mon-Fri 08:00-18:00 Europe/Zurich}. */
    @Override
    public String toString() {
        return window + " " + zone.getId();
    }
}
