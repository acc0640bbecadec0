package dev.tocsin.web;

import dev.tocsin.incident.Incident;
import dev.tocsin.schedule.Schedule;

import java.time.Instant;
import java.util.List;

/** My on-call: my shifts of the next two weeks and the open incidents assigned to me. */
public record MeView(List<MyShift> shifts, List<Incident> assigned, Instant now, Names names) {
    public record MyShift(Schedule schedule, Instant start, Instant end) {
    }

    public boolean current(MyShift shift) {
        return !now.isBefore(shift.start()) && now.isBefore(shift.end());
    }
}
