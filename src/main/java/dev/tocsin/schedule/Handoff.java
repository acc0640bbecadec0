package dev.tocsin.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

/**
 * When a turn passes to the next participant, in local time: daily ({@code "09:00"}) or on a weekday
 * ({@code "Mon 09:00"}).
 *
 * @param day the weekday of a weekly handoff, or null for a daily one
 */
public record Handoff(DayOfWeek day, LocalTime time) {
    public static Handoff parse(String text) {
        String trimmed = text.trim();
        String[] parts = trimmed.split("\\s+");
        if (parts.length == 1) return new Handoff(null, Window.parseTime(parts[0], text));
        if (parts.length == 2) return new Handoff(Window.parseDay(parts[0], text), Window.parseTime(parts[1], text));
        throw new IllegalArgumentException("malformed handoff '" + text + "'; write it like '09:00' or 'Mon 09:00'");
    }

    @java.lang.Override
    public String toString() {
        String clock = String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
        return day == null ? clock : Window.dayName(day) + " " + clock;
    }

}
