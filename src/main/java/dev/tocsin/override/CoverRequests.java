package dev.tocsin.override;

import dev.tocsin.auth.Principal;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.ScheduleTeam;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Cover me": ask a colleague, or the schedule's whole team, to be on call in my place for a window. The first
 * to accept becomes an override replacing the requester; the requester and the people asked are told. A request
 * to one colleague closes when they decline; a team request stays open until everyone asked has declined. An
 * open request expires when its window starts (a request made after the window began expires at its end).
 * Expiry is applied whenever requests are read or answered, so no background job is needed for correctness.
 */
public final class CoverRequests {
    public static final int LIST_LIMIT = 100;

    private final Database database;
    private final OnCallService onCall;
    private final Overrides overrides;
    private final CoverStore store = new CoverStore();
    private final NoticeOutbox outbox = new NoticeOutbox();

    public CoverRequests(Database database, OnCallService onCall, Overrides overrides) {
        this.database = database;
        this.onCall = onCall;
        this.overrides = overrides;
    }

    public CoverRequest request(Principal caller, String scheduleId, Instant start, Instant end, String askedUser,
                                String reason) {
        Organisation organisation = onCall.organisation();
        Schedule schedule = onCall.schedule(scheduleId);
        Instant now = onCall.clock().instant();
        String requester = caller.userId();
        List<String> problems = new ArrayList<>();
        if (!organisation.hasUser(requester)) problems.add("the token's user '" + requester + "' is not a configured user");
        if (askedUser != null && !organisation.hasUser(askedUser)) problems.add("user: '" + askedUser + "' is not a configured user");
        if (requester.equals(askedUser)) problems.add("user: you cannot ask yourself to cover you");
        Overrides.checkWindow(problems, start, end, now);
        if (problems.isEmpty() && onCall.forSchedule(scheduleId).shiftsOf(requester, start, end).isEmpty()) {
            problems.add("'" + requester + "' is not on call in schedule '" + scheduleId + "' between " + start
                    + " and " + end + ", so there is nothing to cover");
        }
        Set<String> asked = asked(organisation, schedule, requester, askedUser);
        if (asked.isEmpty()) problems.add("schedule '" + scheduleId + "' has nobody else to ask; name a colleague with user");
        if (!problems.isEmpty()) throw Refusal.invalid("cannot request cover", problems);
        CoverRequest request = new CoverRequest(OverrideStore.newId("cr_"), scheduleId, requester, askedUser, start,
                end, reason, "open", now, start.isAfter(now) ? start : end, null, null, null, List.of());
        database.writeAndWait(handle -> {
            store.insert(handle, request);
            for (String userId : asked) {
                var zone = ChangeNotices.zoneOf(organisation, userId, schedule);
                String window = Overrides.describe(schedule, start, end, zone);
                outbox.enqueue(handle, Notice.of(userId, "cover_requested", "cover_requested:" + request.id() + ":" + userId,
                        requester + " asks you to cover " + window,
                        requester + " asks " + (askedUser == null ? "the team" : "you") + " to be on call for them in "
                                + window + "." + (reason == null ? "" : "\nReason: " + reason)
                                + "\n\nAccept: tocsin cover accept " + request.id()
                                + "\nDecline: tocsin cover decline " + request.id(), now, now));
            }
            return null;
        });
        return find(request.id());
    }

    public CoverRequest accept(Principal caller, String id) {
        expireDue();
        Organisation organisation = onCall.organisation();
        Instant now = onCall.clock().instant();
        database.writeAndWait(handle -> {
            CoverRequest request = openRequest(handle, id, "accept");
            Schedule schedule = onCall.schedule(request.scheduleId());
            Set<String> asked = asked(organisation, schedule, request.requester(), request.askedUser());
            if (!asked.contains(caller.userId())) {
                throw Refusal.forbidden("cover request '" + id + "' was not sent to '" + caller.userId() + "'");
            }
            Instant start = request.start().isAfter(now) ? request.start() : now;
            Override override = new Override(OverrideStore.newId("ov_"), schedule.id(), caller.userId(),
                    request.requester(), start, request.end(), caller.actor().toString(), now);
            String headline = caller.userId() + " accepted " + request.requester() + "'s request for cover ("
                    + request.id() + ").";
            List<Notice> told = overrides.insert(handle, schedule, override, request.reason(), "cover", request.id(),
                    "cover_accepted", headline);
            store.close(handle, id, "accepted", caller.userId(), now, override.id());
            // The requester and the team hear who covers, not only the people asked.
            Set<String> others = new LinkedHashSet<>(asked);
            others.add(request.requester());
            others.addAll(ScheduleTeam.people(organisation, schedule));
            others.removeIf(user -> !organisation.hasUser(user));
            for (Notice notice : told) others.remove(notice.userId());
            for (String userId : others) {
                var zone = ChangeNotices.zoneOf(organisation, userId, schedule);
                String window = Overrides.describe(schedule, start, request.end(), zone);
                outbox.enqueue(handle, Notice.of(userId, "cover_accepted", "cover_accepted:" + id + ":" + userId,
                        caller.userId() + " covers " + request.requester() + " in " + window,
                        headline + "\n\n" + caller.userId() + " is on call instead of " + request.requester() + " in "
                                + window + ".", now, now));
            }
            return null;
        });
        onCall.overridesChanged();
        return find(id);
    }

    public CoverRequest decline(Principal caller, String id) {
        expireDue();
        Organisation organisation = onCall.organisation();
        Instant now = onCall.clock().instant();
        database.writeAndWait(handle -> {
            CoverRequest request = openRequest(handle, id, "decline");
            Schedule schedule = onCall.schedule(request.scheduleId());
            Set<String> asked = asked(organisation, schedule, request.requester(), request.askedUser());
            if (!asked.contains(caller.userId())) {
                throw Refusal.forbidden("cover request '" + id + "' was not sent to '" + caller.userId() + "'");
            }
            store.recordDecline(handle, id, caller.userId(), now);
            Set<String> declined = new LinkedHashSet<>(store.find(handle, id).orElseThrow().declinedBy());
            if (!declined.containsAll(asked)) return null;
            store.close(handle, id, "declined", caller.userId(), now, null);
            var zone = ChangeNotices.zoneOf(organisation, request.requester(), schedule);
            String window = Overrides.describe(schedule, request.start(), request.end(), zone);
            outbox.enqueue(handle, Notice.of(request.requester(), "cover_declined", "cover_declined:" + id,
                    "Nobody covers you in " + window,
                    (request.askedUser() == null ? "Everyone asked declined" : caller.userId() + " declined")
                            + " your request for cover (" + id + ") in " + window + ". You are still on call.", now, now));
            return null;
        });
        return find(id);
    }

    public CoverRequest find(String id) {
        expireDue();
        return database.jdbi().withHandle(handle -> store.find(handle, id))
                .orElseThrow(() -> Refusal.notFound("cover request '" + id + "'"));
    }

    public List<CoverRequest> list(String status) {
        expireDue();
        return database.jdbi().withHandle(handle -> store.list(handle, status, LIST_LIMIT));
    }

    /**
     * Open requests the user could answer: sent to them, or to a team they are in, and not declined by them yet;
     * newest first.
     */
    public List<CoverRequest> openFor(String userId) {
        Organisation organisation = onCall.organisation();
        return list("open").stream()
                .filter(request -> !request.declinedBy().contains(userId))
                .filter(request -> organisation.schedule(request.scheduleId())
                        .map(schedule -> asked(organisation, schedule, request.requester(), request.askedUser()).contains(userId))
                        .orElse(false))
                .toList();
    }

    /** The user's own requests, in any state, newest first. */
    public List<CoverRequest> madeBy(String userId) {
        return list(null).stream().filter(request -> request.requester().equals(userId)).toList();
    }

    /** Closes open requests whose time has come and tells their requesters. */
    public void expireDue() {
        Instant now = onCall.clock().instant();
        boolean any = database.jdbi().withHandle(handle -> !store.due(handle, now).isEmpty());
        if (!any) return;
        database.writeAndWait(handle -> {
            expireDue(handle, now);
            return null;
        });
    }

    /** {@link #expireDue()} inside the caller's transaction (the request-expiry timer's). */
    public void expireDue(Handle handle, Instant now) {
        Organisation organisation = onCall.organisation();
        for (CoverRequest request : store.due(handle, now)) {
            if (!store.close(handle, request.id(), "expired", "system:tocsin", now, null)) continue;
            var zone = organisation.user(request.requester()).map(user -> user.timezone()).orElse(java.time.ZoneOffset.UTC);
            outbox.enqueue(handle, Notice.of(request.requester(), "cover_expired", "cover_expired:" + request.id(),
                    "Nobody accepted your request for cover (" + request.id() + ")",
                    "Your request for cover in schedule '" + request.scheduleId() + "' from "
                            + Times.span(request.start(), request.end(), zone)
                            + " expired without an answer. You are still on call.", now, now));
        }
    }

    private CoverRequest openRequest(Handle handle, String id, String action) {
        CoverRequest request = store.find(handle, id).orElseThrow(() -> Refusal.notFound("cover request '" + id + "'"));
        if (request.isOpen()) return request;
        String why = switch (request.status()) {
            case "expired" -> "expired at " + request.expiresAt() + " (its window had started)";
            case "accepted" -> "was already accepted by " + request.closedBy();
            case "declined" -> "was declined" + (request.closedBy() == null ? "" : " by " + request.closedBy());
            default -> "is " + request.status();
        };
        throw Refusal.conflict("cannot " + action + " cover request '" + id + "': it " + why);
    }

    /** The people a request goes to: the named colleague, or everyone of the schedule but the requester. */
    static Set<String> asked(Organisation organisation, Schedule schedule, String requester, String askedUser) {
        if (askedUser != null) return Set.of(askedUser);
        Set<String> people = new LinkedHashSet<>(ScheduleTeam.people(organisation, schedule));
        people.remove(requester);
        people.removeIf(user -> !organisation.hasUser(user));
        return people;
    }
}
