package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.override.CoverRequest;
import dev.tocsin.override.SwapRequest;
import dev.tocsin.schedule.Schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * My on-call: my shifts of the next two weeks, the open incidents assigned to me, the cover and swap requests I
 * could answer and the ones I made, and my calendar feed.
 */
public record MeView(List<MyShift> shifts, List<Incident> assigned, List<CoverRequest> coversForMe,
                     List<SwapRequest> swapsForMe, List<CoverRequest> myCovers, List<SwapRequest> mySwaps,
                     FeedView feed, boolean mayAct, Instant now, Names names) {
    public record MyShift(Schedule schedule, Instant start, Instant end) {
    }

    public boolean current(MyShift shift) {
        return !now.isBefore(shift.start()) && now.isBefore(shift.end());
    }

    public ZoneId zone() {
        return names.viewerZone();
    }

    public String span(Instant start, Instant end) {
        return Show.time(start, zone()) + " → " + Show.time(end, zone());
    }

    public String scheduleName(String scheduleId) {
        Organisation organisation = names.organisation();
        return organisation.schedule(scheduleId).map(Schedule::name).filter(name -> name != null && !name.isBlank())
                .orElse(scheduleId);
    }

    /** Who a cover request went to, as its requester reads it. */
    public String askedWho(CoverRequest request) {
        return request.askedUser() == null ? "the team" : names.name(request.askedUser());
    }

    /** The state of a request of mine in words: "open", "accepted by Bob Meier", "declined", "expired". */
    public String state(String status, String closedBy) {
        return switch (status) {
            case "accepted" -> "accepted" + (closedBy == null ? "" : " by " + names.name(closedBy));
            case "declined" -> "declined" + (closedBy == null ? "" : " by " + names.name(closedBy));
            default -> status;
        };
    }

    /** The badge class of a state, so open and closed requests look different, not only in words. */
    public String badge(String status) {
        return switch (status) {
            case "open" -> "acknowledged";
            case "accepted" -> "resolved";
            case "declined", "expired" -> "";
            default -> "";
        };
    }
}
