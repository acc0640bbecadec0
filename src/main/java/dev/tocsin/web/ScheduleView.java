package dev.tocsin.web;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.ScheduleTeam;
import dev.tocsin.override.OverrideEntry;
import dev.tocsin.override.Overrides;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One schedule's final rota for the next two weeks (overrides applied, gaps included), in the viewer's time zone or
 * the schedule's, the overrides that shape it (and which of them the viewer may remove), the forms that change it,
 * and its calendar feed.
 */
public record ScheduleView(Schedule schedule, List<Shift> shifts, List<OverrideEntry> overrides, Set<String> removable,
                           Instant now, ZoneId zone, boolean inScheduleZone, boolean mayAct, Names names,
                           ScheduleForms forms, FeedView feed) {
    static ScheduleView of(Schedule schedule, OnCallService onCall, Overrides overrideService, Principal viewer,
                           boolean scheduleZone, Instant from, Instant to, FormState sent, FeedView feed) {
        OnCall computed = onCall.forSchedule(schedule.id());
        Names names = new Names(onCall.organisation(), viewer.userId());
        ZoneId zone = scheduleZone ? schedule.timezone() : names.viewerZone();
        List<Shift> shifts = computed.shifts(from, to);
        List<OverrideEntry> overrides = overrideService.list(schedule.id(), from, to, false);
        Set<String> removable = overrides.stream().filter(entry -> overrideService.mayRemove(viewer, entry.override()))
                .map(entry -> entry.override().id()).collect(Collectors.toSet());
        List<Shift> mine = computed.shiftsOf(viewer.userId(), from, to);
        List<ScheduleForms.SwapChoice> theirs = new ArrayList<>();
        for (Shift shift : shifts) {
            if (!shift.start().isAfter(from)) continue;   // under way: a swap needs shifts that have not started
            shift.users().stream().filter(user -> !user.equals(viewer.userId())).sorted()
                    .forEach(user -> theirs.add(new ScheduleForms.SwapChoice(user, shift)));
        }
        ScheduleForms forms = new ScheduleForms(onCall.organisation().document().users(),
                List.copyOf(ScheduleTeam.participants(schedule)), mine, theirs, sent, zone, from, viewer.userId());
        return new ScheduleView(schedule, shifts, overrides, removable, from, zone, scheduleZone,
                viewer.role().includes(Role.RESPONDER), names, forms, feed);
    }

    public boolean current(Shift shift) {
        return !now.isBefore(shift.start()) && now.isBefore(shift.end());
    }

    public String people(Shift shift) {
        if (shift.isGap()) return "nobody — a gap";
        return String.join(", ", shift.users().stream().sorted().map(names::name).toList());
    }

    public boolean mine(Shift shift) {
        return shift.users().contains(names.viewer());
    }

    public String span(Shift shift) {
        return Show.time(shift.start(), zone) + " → " + Show.time(shift.end(), zone);
    }

    /** "?zone=schedule" when the page shows the schedule's zone, so forms and links keep it. */
    public String zoneQuery() {
        return inScheduleZone ? "?zone=schedule" : "";
    }
}
