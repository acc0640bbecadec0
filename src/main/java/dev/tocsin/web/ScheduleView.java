package dev.tocsin.web;

import dev.tocsin.oncall.OnCallService;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One schedule's final rota for the next two weeks (overrides applied, gaps included), in the viewer's time zone or
 * the schedule's, and the overrides that shape it.
 */
public record ScheduleView(Schedule schedule, List<Shift> shifts, List<Override> overrides, Instant now,
                           ZoneId zone, boolean inScheduleZone, boolean mayAct, Names names) {
    static ScheduleView of(Schedule schedule, OnCallService onCall, String viewer, boolean scheduleZone, Instant from,
                           Instant to, boolean mayAct) {
        OnCall computed = onCall.forSchedule(schedule.id());
        Names names = new Names(onCall.organisation(), viewer);
        ZoneId zone = scheduleZone ? schedule.timezone() : names.viewerZone();
        return new ScheduleView(schedule, computed.shifts(from, to), onCall.overrides(schedule.id(), from, to), from, zone,
                scheduleZone, mayAct, names);
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
}
