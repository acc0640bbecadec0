package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.notice.Notice;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The handoff notices of one schedule that fall due in a {@link Horizon}: a reminder a configurable time before
 * each person's shift ({@code notices.before_shift}, default 24 h), a notice when it starts and one when it ends.
 * A pure function of the schedule's {@link OnCall} and the time; the dedup keys make rewriting harmless.
 */
public final class ShiftNotices {
    /** How far past a shift's start its end is looked for when the reminder names it. */
    static final Duration END_SEARCH = Duration.ofDays(35);
    private static final Duration EDGE = Duration.ofMinutes(1);

    private ShiftNotices() {
    }

    public static List<Notice> plan(Organisation organisation, Schedule schedule, OnCall onCall, Horizon horizon) {
        Duration longestReminder = organisation.document().users().stream()
                .map(user -> user.notices().beforeShift()).filter(d -> d != null)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        // A stretch that touches the edge of the range was cut there: its start or end is not a handoff.
        Instant from = horizon.from().minus(EDGE);
        Instant to = horizon.until().plus(longestReminder).plus(EDGE);
        List<Shift> shifts = onCall.shifts(from, to);
        Set<String> people = new TreeSet<>();
        shifts.forEach(shift -> people.addAll(shift.users()));
        String label = ScheduleLabel.of(organisation, schedule);
        List<Notice> notices = new ArrayList<>();
        for (String userId : people) {
            Optional<User> user = organisation.user(userId);
            if (user.isEmpty()) continue;
            for (Shift stretch : stretchesOf(userId, shifts)) {
                boolean starts = !stretch.start().equals(from);
                boolean ends = !stretch.end().equals(to);
                Context context = new Context(schedule, label, user.get(), onCall, stretch, horizon.now());
                if (starts && horizon.covers(stretch.start())) notices.add(context.started());
                Duration before = user.get().notices().beforeShift();
                if (starts && before != null && stretch.start().isAfter(horizon.until())
                        && !stretch.start().minus(before).isAfter(horizon.until())) {
                    notices.add(context.reminder(before));
                }
                if (ends && horizon.covers(stretch.end())) notices.add(context.ended());
            }
        }
        return notices;
    }

    /** The person's own stretches: consecutive segments that include them, joined. */
    static List<Shift> stretchesOf(String userId, List<Shift> shifts) {
        List<Shift> stretches = new ArrayList<>();
        for (Shift shift : shifts) {
            if (!shift.users().contains(userId)) continue;
            Shift last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last != null && last.end().equals(shift.start())) {
                stretches.set(stretches.size() - 1, new Shift(last.start(), shift.end(), Set.of(userId)));
            } else {
                stretches.add(new Shift(shift.start(), shift.end(), Set.of(userId)));
            }
        }
        return stretches;
    }

    private record Context(Schedule schedule, String label, User user, OnCall onCall, Shift stretch, Instant now) {
        ZoneId zone() {
            return user.timezone();
        }

        String key(String kind, Instant moment) {
            return kind + ":" + schedule.id() + ":" + user.id() + ":" + moment.toEpochMilli();
        }

        Notice reminder(Duration before) {
            Instant due = stretch.start().minus(before);
            if (due.isBefore(now)) due = now;   // the shift was planned late: remind now rather than never
            String subject = "You are on call from " + Times.human(stretch.start(), zone()) + " (" + label + ")";
            String body = "You are on call for " + label + " from " + Times.human(stretch.start(), zone())
                    + until() + "."
                    + others("You take over from", stretch.start().minusMillis(1))
                    + "\n\nIf you cannot make it, ask for cover: tocsin cover request --schedule " + schedule.id();
            return Notice.of(user.id(), "shift_reminder", key("shift_reminder", stretch.start()), subject, body, now, due);
        }

        Notice started() {
            String subject = "You are on call now (" + label + ")";
            String body = "Your on-call shift for " + label + " started at " + Times.human(stretch.start(), zone())
                    + until() + "." + others("Handed over by", stretch.start().minusMillis(1));
            return Notice.of(user.id(), "shift_starts", key("shift_start", stretch.start()), subject, body, now,
                    stretch.start());
        }

        Notice ended() {
            String subject = "Your on-call shift has ended (" + label + ")";
            String body = "Your on-call shift for " + label + " ended at " + Times.human(stretch.end(), zone()) + "."
                    + others("Now on call", stretch.end());
            return Notice.of(user.id(), "shift_ends", key("shift_end", stretch.end()), subject, body, now,
                    stretch.end());
        }

        /** " until <end>", looking past the job's range for the real end of the stretch. */
        private String until() {
            List<Shift> ahead = onCall.shiftsOf(user.id(), stretch.start(), stretch.start().plus(END_SEARCH));
            if (ahead.isEmpty()) return "";
            Instant end = ahead.get(0).end();
            if (end.equals(stretch.start().plus(END_SEARCH))) return " with no end planned in the next " + END_SEARCH.toDays() + " days";
            return " until " + Times.human(end, zone());
        }

        private String others(String lead, Instant at) {
            Set<String> users = new TreeSet<>(onCall.at(at));
            users.remove(user.id());
            return users.isEmpty() ? "" : "\n" + lead + ": " + String.join(", ", users) + ".";
        }
    }
}
