package dev.tocsin.report;

import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-call hours report (for compensation): per person, hours on call in [from, to) as primary and as
 * backup, and how many of them fell outside the person's working hours; and how often they were paged. Pure:
 * the configuration, each schedule's final shifts in the period ({@link dev.tocsin.schedule.OnCall#shifts},
 * computed by the caller), the pages in the period ({@link PageCounts#in}, read by the caller) and the period
 * are arguments.
 */
public final class HoursReport {
    private HoursReport() {
    }

    /** The report without pages (every page count zero). */
    public static List<PersonHours> compute(Organisation organisation, Map<String, List<Shift>> shifts,
                                            Instant from, Instant to) {
        return compute(organisation, shifts, List.of(), from, to);
    }

    /**
     * @param shifts schedule id → its final shifts in [from, to)
     * @param paged  who was paged for which incident in [from, to); people no longer configured are left out
     */
    public static List<PersonHours> compute(Organisation organisation, Map<String, List<Shift>> shifts,
                                            List<PageCounts.Paged> paged, Instant from, Instant to) {
        ScheduleRole.Classifier classifier = ScheduleRole.Classifier.of(organisation);
        Map<String, Map<ScheduleRole, List<Intervals.Interval>>> byUser = new HashMap<>();
        Map<String, Map<String, Intervals>> perSchedule = new HashMap<>();
        for (Schedule schedule : organisation.document().schedules()) {
            ScheduleRole role = classifier.roleOf(schedule.id());
            Map<String, List<Intervals.Interval>> ofSchedule = new HashMap<>();
            for (Shift shift : shifts.getOrDefault(schedule.id(), List.of())) {
                for (String userId : shift.users()) {
                    Intervals.Interval interval = new Intervals.Interval(shift.start(), shift.end());
                    byUser.computeIfAbsent(userId, id -> new HashMap<>())
                            .computeIfAbsent(role, r -> new ArrayList<>()).add(interval);
                    ofSchedule.computeIfAbsent(userId, id -> new ArrayList<>()).add(interval);
                }
            }
            ofSchedule.forEach((userId, intervals) -> perSchedule.computeIfAbsent(userId, id -> new LinkedHashMap<>())
                    .put(schedule.id(), Intervals.of(intervals)));
        }
        Map<String, List<PageCounts.Paged>> pagesByUser = new HashMap<>();
        for (PageCounts.Paged page : paged) pagesByUser.computeIfAbsent(page.userId(), id -> new ArrayList<>()).add(page);
        List<PersonHours> report = new ArrayList<>();
        for (User user : organisation.document().users()) {
            Map<ScheduleRole, List<Intervals.Interval>> roles = byUser.getOrDefault(user.id(), Map.of());
            Intervals primary = Intervals.of(roles.getOrDefault(ScheduleRole.PRIMARY, List.of()));
            Intervals backup = Intervals.of(roles.getOrDefault(ScheduleRole.BACKUP, List.of())).minus(primary);
            Intervals working = WorkingTime.of(user, from, to);
            boolean hasWorkingHours = user.workingHours() != null;
            Duration primaryOutside = primary.minus(working).length();
            Duration backupOutside = backup.minus(working).length();
            List<PersonHours.ScheduleHours> schedules = new ArrayList<>();
            perSchedule.getOrDefault(user.id(), Map.of()).forEach((scheduleId, intervals) -> schedules.add(
                    new PersonHours.ScheduleHours(scheduleId, classifier.roleOf(scheduleId).wireName(), hours(intervals.length()))));
            List<PageCounts.Paged> pages = pagesByUser.getOrDefault(user.id(), List.of());
            int notifications = pages.stream().mapToInt(PageCounts.Paged::sent).sum();
            int pagesOutside = (int) pages.stream().filter(page -> !working.contains(page.firstNotifiedAt())).count();
            report.add(new PersonHours(user.id(), user.name(),
                    (user.timezone() == null ? User.DEFAULT_TIMEZONE : user.timezone()).getId(),
                    hasWorkingHours ? user.workingHours().toString() : null,
                    hours(primary.length()), hours(backup.length()), hours(primary.length().plus(backup.length())),
                    hasWorkingHours ? hours(primaryOutside) : null, hasWorkingHours ? hours(backupOutside) : null,
                    hasWorkingHours ? hours(primaryOutside.plus(backupOutside)) : null,
                    pages.size(), notifications, hasWorkingHours ? pagesOutside : null, schedules));
        }
        return report;
    }

    static double hours(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
