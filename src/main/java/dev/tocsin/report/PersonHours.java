package dev.tocsin.report;

import java.util.List;

/**
 * One person's line of the on-call hours report for a period. Hours are decimal (2 places). Time on call for
 * a primary and a backup schedule at once counts as primary only, so primary + backup = total.
 *
 * @param workingHours the person's working hours as configured, or null if none are
 * @param primaryOutsideWorkingHours of the primary hours, those outside working hours; null without working hours
 * @param pages         distinct incidents the person was paged for (a notification created in the period)
 * @param notifications of those pages' notifications, the ones that went out (sent or delivered, bundled included)
 * @param pagesOutsideWorkingHours of the pages, those whose first notification to the person fell outside their
 *                      working hours; null without working hours
 */
public record PersonHours(String userId, String name, String timezone, String workingHours,
                          double primaryHours, double backupHours, double totalHours,
                          Double primaryOutsideWorkingHours, Double backupOutsideWorkingHours,
                          Double outsideWorkingHours, int pages, int notifications, Integer pagesOutsideWorkingHours,
                          List<ScheduleHours> schedules) {
    public PersonHours {
        schedules = List.copyOf(schedules);
    }

    /** Hours on call in one schedule (overlaps with other schedules counted in each). */
    public record ScheduleHours(String scheduleId, String role, double hours) {
    }
}
