package dev.tocsin.report;

import dev.tocsin.schedule.Window;
import dev.tocsin.user.User;
import dev.tocsin.user.WorkingHours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's working hours as instants: the daily window of {@link WorkingHours} on each of its days, read
 * in the person's own time zone (so a DST change moves them with the wall clock). A local time that does not
 * exist (spring forward) is moved forward by the gap, as {@link ZonedDateTime#of} does.
 */
final class WorkingTime {
    private WorkingTime() {
    }

    static Intervals of(User user, Instant from, Instant to) {
        WorkingHours hours = user.workingHours();
        if (hours == null) return Intervals.EMPTY;
        ZoneId zone = user.timezone() == null ? User.DEFAULT_TIMEZONE : user.timezone();
        Window.Daily window = hours.window();
        List<Intervals.Interval> intervals = new ArrayList<>();
        // A window past midnight belongs to the day it starts on, so start one day early.
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (!window.days().contains(day.getDayOfWeek())) continue;
            Instant start = ZonedDateTime.of(day, window.start(), zone).toInstant();
            Instant end = ZonedDateTime.of(window.pastMidnight() ? day.plusDays(1) : day, window.end(), zone).toInstant();
            if (start.isBefore(to) && end.isAfter(from)) {
                intervals.add(new Intervals.Interval(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
            }
        }
        return Intervals.of(intervals);
    }
}
