package dev.tocsin.web;

import dev.tocsin.oncall.OnCallService;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every schedule with who is on call now and until when. */
public record ScheduleListView(List<Row> rows, Names names) {
    public record Row(Schedule schedule, Set<String> now, Instant until) {
    }

    static ScheduleListView of(OnCallService onCall, String viewer, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (Schedule schedule : onCall.organisation().document().schedules()) {
            OnCall computed = onCall.forSchedule(schedule.id());
            Optional<Shift> current = computed.shifts(now, now.plusSeconds(1)).stream().findFirst();
            rows.add(new Row(schedule, computed.at(now), current.map(Shift::end).orElse(null)));
        }
        return new ScheduleListView(rows, new Names(onCall.organisation(), viewer));
    }
}
