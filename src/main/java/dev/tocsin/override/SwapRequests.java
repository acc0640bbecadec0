package dev.tocsin.override;

import dev.tocsin.auth.Principal;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Swaps: I offer my shift A for your shift B; when you accept, two overrides put you on A in my place and me on
 * B in yours. Each shift is named by its schedule and an instant inside it (usually its start) and taken whole.
 * An open swap expires when the earlier of the two shifts starts.
 */
public final class SwapRequests {
    /** How far around the named instant a shift is looked for; shifts longer than this are cut to it. */
    static final Duration SHIFT_SEARCH = Duration.ofDays(35);
    public static final int LIST_LIMIT = 100;

    private final Database database;
    private final OnCallService onCall;
    private final Overrides overrides;
    private final SwapStore store = new SwapStore();
    private final NoticeOutbox outbox = new NoticeOutbox();

    public SwapRequests(Database database, OnCallService onCall, Overrides overrides) {
        this.database = database;
        this.onCall = onCall;
        this.overrides = overrides;
    }

    public SwapRequest request(Principal caller, String scheduleId, Instant start, String otherUser,
                               String otherScheduleId, Instant otherStart, String reason) {
        Organisation organisation = onCall.organisation();
        Schedule schedule = onCall.schedule(scheduleId);
        Schedule otherSchedule = onCall.schedule(otherScheduleId == null ? scheduleId : otherScheduleId);
        Instant now = onCall.clock().instant();
        String requester = caller.userId();
        List<String> problems = new ArrayList<>();
        if (!organisation.hasUser(requester)) problems.add("the token's user '" + requester + "' is not a configured user");
        if (otherUser == null || !organisation.hasUser(otherUser)) problems.add("with: '" + otherUser + "' is not a configured user");
        else if (otherUser.equals(requester)) problems.add("with: you cannot swap with yourself");
        if (!problems.isEmpty()) throw Refusal.invalid("cannot request the swap", problems);
        Shift mine = shiftAt(schedule, requester, start, "start", problems);
        Shift theirs = shiftAt(otherSchedule, otherUser, otherStart, "their_start", problems);
        if (mine != null && theirs != null) {
            if (!mine.start().isAfter(now) || !theirs.start().isAfter(now)) {
                problems.add("both shifts must start in the future; for a shift under way ask for cover instead");
            }
            if (schedule.id().equals(otherSchedule.id()) && mine.start().isBefore(theirs.end())
                    && theirs.start().isBefore(mine.end())) {
                problems.add("the two shifts overlap; there is nothing to swap");
            }
        }
        if (!problems.isEmpty()) throw Refusal.invalid("cannot request the swap", problems);
        Instant expires = mine.start().isBefore(theirs.start()) ? mine.start() : theirs.start();
        SwapRequest swap = new SwapRequest(OverrideStore.newId("sw_"), requester, otherUser, schedule.id(),
                mine.start(), mine.end(), otherSchedule.id(), theirs.start(), theirs.end(), reason, "open", now,
                expires, null, null, List.of());
        ZoneId zone = ChangeNotices.zoneOf(organisation, otherUser, schedule);
        database.writeAndWait(handle -> {
            store.insert(handle, swap);
            outbox.enqueue(handle, Notice.of(otherUser, "swap_requested", "swap_requested:" + swap.id(),
                    requester + " asks to swap shifts with you",
                    requester + " offers you their shift in " + Overrides.describe(schedule, mine.start(), mine.end(), zone)
                            + "\nin exchange for your shift in "
                            + Overrides.describe(otherSchedule, theirs.start(), theirs.end(), zone) + "."
                            + (reason == null ? "" : "\nReason: " + reason)
                            + "\n\nAccept: tocsin swap accept " + swap.id() + "\nDecline: tocsin swap decline " + swap.id(),
                    now, now));
            return null;
        });
        return find(swap.id());
    }

    public SwapRequest accept(Principal caller, String id) {
        expireDue();
        Organisation organisation = onCall.organisation();
        Instant now = onCall.clock().instant();
        database.writeAndWait(handle -> {
            SwapRequest swap = openSwap(handle, id, "accept", caller);
            Schedule schedule = onCall.schedule(swap.scheduleId());
            Schedule otherSchedule = onCall.schedule(swap.otherScheduleId());
            String actor = caller.actor().toString();
            Override first = new Override(OverrideStore.newId("ov_"), schedule.id(), swap.otherUser(), swap.requester(),
                    swap.start(), swap.end(), actor, now);
            Override second = new Override(OverrideStore.newId("ov_"), otherSchedule.id(), swap.requester(),
                    swap.otherUser(), swap.otherStart(), swap.otherEnd(), actor, now);
            String headline = swap.otherUser() + " accepted " + swap.requester() + "'s swap (" + id + ").";
            Set<String> told = new LinkedHashSet<>();
            List<Notice> notices = new ArrayList<>();
            if (schedule.id().equals(otherSchedule.id())) {
                notices.addAll(overrides.insert(handle, schedule, List.of(first, second), swap.reason(), "swap", id,
                        "swap_accepted", headline));
            } else {
                notices.addAll(overrides.insert(handle, schedule, first, swap.reason(), "swap", id, "swap_accepted", headline));
                notices.addAll(overrides.insert(handle, otherSchedule, second, swap.reason(), "swap", id, "swap_accepted", headline));
            }
            for (Notice notice : notices) told.add(notice.userId());
            store.close(handle, id, "accepted", caller.userId(), now, List.of(first.id(), second.id()));
            for (String userId : List.of(swap.requester(), swap.otherUser())) {
                if (told.contains(userId)) continue;
                outbox.enqueue(handle, Notice.of(userId, "swap_accepted", "swap_accepted:" + id + ":" + userId,
                        "Swap " + id + " is done", headline, now, now));
            }
            return null;
        });
        onCall.overridesChanged();
        return find(id);
    }

    public SwapRequest decline(Principal caller, String id) {
        expireDue();
        Organisation organisation = onCall.organisation();
        Instant now = onCall.clock().instant();
        database.writeAndWait(handle -> {
            SwapRequest swap = openSwap(handle, id, "decline", caller);
            store.close(handle, id, "declined", caller.userId(), now, List.of());
            ZoneId zone = ChangeNotices.zoneOf(organisation, swap.requester(), onCall.schedule(swap.scheduleId()));
            outbox.enqueue(handle, Notice.of(swap.requester(), "swap_declined", "swap_declined:" + id,
                    swap.otherUser() + " declined your swap",
                    swap.otherUser() + " declined your swap (" + id + ") of your shift from "
                            + Times.span(swap.start(), swap.end(), zone) + ". Your shifts stay as they were.", now, now));
            return null;
        });
        return find(id);
    }

    public SwapRequest find(String id) {
        expireDue();
        return database.jdbi().withHandle(handle -> store.find(handle, id))
                .orElseThrow(() -> Refusal.notFound("swap '" + id + "'"));
    }

    public List<SwapRequest> list(String status) {
        expireDue();
        return database.jdbi().withHandle(handle -> store.list(handle, status, LIST_LIMIT));
    }

    /** Open swaps offered to the user, newest first. */
    public List<SwapRequest> openFor(String userId) {
        return list("open").stream().filter(swap -> swap.otherUser().equals(userId)).toList();
    }

    /** The user's own swap offers, in any state, newest first. */
    public List<SwapRequest> madeBy(String userId) {
        return list(null).stream().filter(swap -> swap.requester().equals(userId)).toList();
    }

    public void expireDue() {
        Instant now = onCall.clock().instant();
        if (database.jdbi().withHandle(handle -> store.due(handle, now).isEmpty())) return;
        database.writeAndWait(handle -> {
            expireDue(handle, now);
            return null;
        });
    }

    /** {@link #expireDue()} inside the caller's transaction (the request-expiry timer's). */
    public void expireDue(Handle handle, Instant now) {
        Organisation organisation = onCall.organisation();
        for (SwapRequest swap : store.due(handle, now)) {
            if (!store.close(handle, swap.id(), "expired", "system:tocsin", now, List.of())) continue;
            ZoneId zone = organisation.user(swap.requester()).map(user -> user.timezone()).orElse(java.time.ZoneOffset.UTC);
            outbox.enqueue(handle, Notice.of(swap.requester(), "swap_expired", "swap_expired:" + swap.id(),
                    "Your swap " + swap.id() + " expired",
                    swap.otherUser() + " did not answer your swap (" + swap.id() + ") before "
                            + Times.human(swap.expiresAt(), zone) + ". Your shifts stay as they were.", now, now));
        }
    }

    private SwapRequest openSwap(Handle handle, String id, String action, Principal caller) {
        SwapRequest swap = store.find(handle, id).orElseThrow(() -> Refusal.notFound("swap '" + id + "'"));
        if (!swap.isOpen()) {
            String why = switch (swap.status()) {
                case "expired" -> "expired at " + swap.expiresAt() + " (the earlier shift had started)";
                case "accepted" -> "was already accepted";
                case "declined" -> "was declined by " + swap.closedBy();
                default -> "is " + swap.status();
            };
            throw Refusal.conflict("cannot " + action + " swap '" + id + "': it " + why);
        }
        if (!swap.otherUser().equals(caller.userId())) {
            throw Refusal.forbidden("only " + swap.otherUser() + " can " + action + " swap '" + id + "'");
        }
        return swap;
    }

    /** The user's whole on-call stretch in the schedule that contains {@code instant}, or null (with a problem). */
    private Shift shiftAt(Schedule schedule, String userId, Instant instant, String name, List<String> problems) {
        if (instant == null) {
            problems.add(name + ": required");
            return null;
        }
        for (Shift shift : onCall.forSchedule(schedule.id()).shiftsOf(userId, instant.minus(SHIFT_SEARCH), instant.plus(SHIFT_SEARCH))) {
            if (!instant.isBefore(shift.start()) && instant.isBefore(shift.end())) return shift;
        }
        problems.add(name + ": '" + userId + "' is not on call in schedule '" + schedule.id() + "' at " + instant);
        return null;
    }
}
