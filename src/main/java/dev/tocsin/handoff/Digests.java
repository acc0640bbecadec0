package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.notice.Notice;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.Handoff;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest: at each person's {@code notices.digest} time (default Monday 08:00 in their own zone), the
 * list of their shifts in all schedules for the coming week. Nobody gets an empty digest.
 */
public final class Digests {
    public static final Duration PERIOD = Duration.ofDays(7);

    private Digests() {
    }

    public static List<Notice> plan(Organisation organisation, Map<String, OnCall> onCalls, Horizon horizon) {
        List<Notice> notices = new ArrayList<>();
        for (User user : organisation.document().users()) {
            Handoff digest = user.notices().digest();
            if (digest == null) continue;
            Instant moment = latest(digest, user, horizon.until());
            if (!horizon.covers(moment)) continue;
            List<Entry> entries = new ArrayList<>();
            for (Schedule schedule : organisation.document().schedules()) {
                OnCall onCall = onCalls.get(schedule.id());
                if (onCall == null) continue;
                String label = ScheduleLabel.of(organisation, schedule);
                for (Shift shift : onCall.shiftsOf(user.id(), moment, moment.plus(PERIOD))) entries.add(new Entry(label, shift));
            }
            if (entries.isEmpty()) continue;
            entries.sort(Comparator.comparing((Entry entry) -> entry.shift().start()).thenComparing(Entry::label));
            StringBuilder body = new StringBuilder("Your on-call shifts from " + Times.human(moment, user.timezone())
                    + " for the next 7 days:\n");
            for (Entry entry : entries) {
                Shift shift = entry.shift();
                String from = shift.start().equals(moment) ? "already on call" : Times.human(shift.start(), user.timezone());
                String to = shift.end().equals(moment.plus(PERIOD)) ? "beyond this week" : Times.human(shift.end(), user.timezone());
                body.append("\n- ").append(from).append(" to ").append(to).append(": ").append(entry.label());
            }
            String subject = "Your on-call week: " + entries.size() + (entries.size() == 1 ? " shift" : " shifts");
            notices.add(Notice.of(user.id(), "digest", "digest:" + user.id() + ":" + moment.toEpochMilli(), subject,
                    body.toString(), horizon.now(), moment));
        }
        return notices;
    }

    /** The last digest moment at or before {@code until}, in the person's zone (DST as in handoffs). */
    static Instant latest(Handoff digest, User user, Instant until) {
        ZonedDateTime local = until.atZone(user.timezone());
        ZonedDateTime candidate = local.with(TemporalAdjusters.previousOrSame(digest.day())).with(digest.time());
        if (candidate.toInstant().isAfter(until)) {
            candidate = local.minusWeeks(1).with(TemporalAdjusters.previousOrSame(digest.day())).with(digest.time());
        }
        return candidate.toInstant();
    }

    private record Entry(String label, Shift shift) {
    }
}
