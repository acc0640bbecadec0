package dev.tocsin.override;

import dev.tocsin.config.Organisation;
import dev.tocsin.notice.Notice;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notices owed when a schedule changes: everyone whose on-call time in the window differs between the
 * schedule before and after the change is told what they gained and lost, in their own time zone. Pure: it
 * compares two {@link OnCall}s and returns notices; the caller writes them in the change's transaction.
 */
public final class ChangeNotices {
    /** A stretch of time [start, end). */
    record Span(Instant start, Instant end) {
    }

    private ChangeNotices() {
    }

    /**
     * @param kind     the notice kind, e.g. {@code override_added}
     * @param headline first sentence of every body, e.g. "alice took the pager."
     */
    public static List<Notice> between(OnCall before, OnCall after, Schedule schedule, Instant from, Instant to,
                                       Organisation organisation, String kind, String headline, Instant now) {
        Set<String> people = new LinkedHashSet<>();
        for (Shift shift : before.shifts(from, to)) people.addAll(shift.users());
        for (Shift shift : after.shifts(from, to)) people.addAll(shift.users());
        List<Notice> notices = new ArrayList<>();
        for (String userId : people) {
            List<Span> had = spans(before.shiftsOf(userId, from, to));
            List<Span> has = spans(after.shiftsOf(userId, from, to));
            List<Span> gained = minus(has, had);
            List<Span> lost = minus(had, has);
            if (gained.isEmpty() && lost.isEmpty()) continue;
            ZoneId zone = zoneOf(organisation, userId, schedule);
            String scheduleName = schedule.name() == null ? schedule.id() : schedule.name();
            StringBuilder body = new StringBuilder(headline).append("\n\n");
            for (Span span : gained) {
                body.append("You are now on call for ").append(scheduleName).append(" from ")
                        .append(Times.span(span.start(), span.end(), zone)).append(".\n");
            }
            for (Span span : lost) {
                body.append("You are no longer on call for ").append(scheduleName).append(" from ")
                        .append(Times.span(span.start(), span.end(), zone)).append(": you are off the hook.\n");
            }
            String subject = (gained.isEmpty() ? "You are off the hook" : "Your on-call time changed") + " in "
                    + scheduleName + " from " + Times.human((gained.isEmpty() ? lost : gained).get(0).start(), zone);
            notices.add(Notice.of(userId, kind, null, subject, body.toString().strip(), now, now));
        }
        return notices;
    }

    /** The user's zone, or the schedule's if the user names none. */
    public static ZoneId zoneOf(Organisation organisation, String userId, Schedule schedule) {
        return organisation.user(userId).map(User::timezone).orElse(schedule.timezone());
    }

    static List<Span> spans(List<Shift> shifts) {
        List<Span> spans = new ArrayList<>();
        for (Shift shift : shifts) {
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && !shift.start().isAfter(last.end())) {
                spans.set(spans.size() - 1, new Span(last.start(), max(last.end(), shift.end())));
            } else {
                spans.add(new Span(shift.start(), shift.end()));
            }
        }
        return spans;
    }

    /** The parts of {@code from} not covered by {@code cut}; both sorted and non-overlapping. */
    static List<Span> minus(List<Span> from, List<Span> cut) {
        List<Span> result = new ArrayList<>();
        for (Span span : from) {
            Instant cursor = span.start();
            for (Span hole : cut) {
                if (!hole.end().isAfter(cursor) || !hole.start().isBefore(span.end())) continue;
                if (hole.start().isAfter(cursor)) result.add(new Span(cursor, hole.start()));
                cursor = max(cursor, hole.end());
            }
            if (cursor.isBefore(span.end())) result.add(new Span(cursor, span.end()));
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
