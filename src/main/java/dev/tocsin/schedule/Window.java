package dev.tocsin.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring window of local time, used to restrict a layer ({@code only:}) and for working hours.
 * Two shapes: a daily window on some weekdays ({@code "Mon-Fri 08:00-20:00"}, {@code "22:00-06:00"}) and a
 * weekly span across days ({@code "Fri 18:00 - Mon 08:00"}).
 */
public sealed interface Window {
    /**
     * From {@code start} to {@code end} on each of {@code days}. An end before the start runs past midnight
     * into the next day (the window belongs to the day it starts on); an end equal to the start covers 24 h.
     * {@code 24:00} is read as midnight at the end of the day.
     */
    record Daily(Set<DayOfWeek> days, LocalTime start, LocalTime end) implements Window {
        public Daily {
            days = Set.copyOf(days);
        }

        public boolean pastMidnight() {
            return !end.isAfter(start);
        }

        @java.lang.Override
        public String toString() {
            String hours = clock(start) + "-" + clock(end);
            return days.size() == 7 ? hours : formatDays(days) + " " + hours;
        }
    }

    /** From {@code startDay startTime} to {@code endDay endTime}, once a week. */
    record Weekly(DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end) implements Window {
        @java.lang.Override
        public String toString() {
            return dayName(startDay) + " " + clock(start) + " - " + dayName(endDay) + " " + clock(end);
        }
    }

    Pattern DAILY = Pattern.compile("(?:([A-Za-z,\\- ]+?)\\s+)?(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    Pattern WEEKLY = Pattern.compile("([A-Za-z]+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*([A-Za-z]+)\\s+(\\d{1,2}:\\d{2})");

    /** Parses either shape; throws {@link IllegalArgumentException} naming what is wrong. */
    static Window parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher weekly = WEEKLY.matcher(trimmed);
        if (weekly.matches()) {
            Weekly span = new Weekly(parseDay(weekly.group(1), text), parseTime(weekly.group(2), text),
                    parseDay(weekly.group(3), text), parseTime(weekly.group(4), text));
            if (span.startDay() == span.endDay() && span.start().equals(span.end())) {
                throw new IllegalArgumentException("window '" + text + "' is empty (it starts where it ends)");
            }
            return span;
        }
        Matcher daily = DAILY.matcher(trimmed);
        if (daily.matches()) {
            Set<DayOfWeek> days = daily.group(1) == null ? EnumSet.allOf(DayOfWeek.class) : parseDays(daily.group(1), text);
            return new Daily(days, parseTime(daily.group(2), text), parseTime(daily.group(3), text));
        }
        throw new IllegalArgumentException("malformed window '" + text
                + "'; write 'Mon-Fri 08:00-20:00', '22:00-06:00' or 'Fri 18:00 - Mon 08:00'");
    }

    static Set<DayOfWeek> parseDays(String text, String whole) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.replace(" ", "").split(",")) {
            String[] range = part.split("-", -1);
            if (range.length == 1) {
                days.add(parseDay(range[0], whole));
            } else if (range.length == 2) {
                DayOfWeek from = parseDay(range[0], whole);
                DayOfWeek to = parseDay(range[1], whole);
                for (DayOfWeek day = from; ; day = day.plus(1)) {
                    days.add(day);
                    if (day == to) break;
                }
            } else {
                throw new IllegalArgumentException("malformed days '" + part + "' in '" + whole + "'");
            }
        }
        return days;
    }

    static DayOfWeek parseDay(String text, String whole) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayName(day).equalsIgnoreCase(text.trim())) return day;
        }
        throw new IllegalArgumentException("unknown day '" + text + "' in '" + whole
                + "'; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    static LocalTime parseTime(String text, String whole) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,2}") || !parts[1].matches("\\d{2}")) {
            throw new IllegalArgumentException("malformed time '" + text + "' in '" + whole + "'; use HH:MM");
        }
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour == 24 && minute == 0) return LocalTime.MIDNIGHT;
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("time '" + text + "' in '" + whole + "' does not exist; use 00:00 to 23:59");
        }
        return LocalTime.of(hour, minute);
    }

    static String dayName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    static String clock(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** Days as ranges where they run on: {@code Mon-Fri}, {@code Mon,Wed,Fri}, {@code Sat-Sun}. */
    static String formatDays(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int index = 0;
        while (index < all.length) {
            if (!days.contains(all[index])) {
                index++;
                continue;
            }
            int end = index;
            while (end + 1 < all.length && days.contains(all[end + 1])) end++;
            parts.add(end == index ? dayName(all[index]) : dayName(all[index]) + "-" + dayName(all[end]));
            index = end + 1;
        }
        return String.join(",", parts);
    }
}
