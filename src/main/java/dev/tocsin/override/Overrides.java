package dev.tocsin.override;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.ScheduleTeam;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing who is on call by hand: adding and removing overrides, and taking the pager. Every change records
 * its actor and time, and tells everyone whose on-call time it changes (in the same transaction).
 *
 * <p>Who may do what: a responder may create overrides that put <em>themselves</em> on call, and remove
 * overrides they created or that put them on call. Putting <em>someone else</em> on call (or removing anyone's
 * override) needs an admin, or a manager of one of the schedule's teams ({@link ScheduleTeam}) — a schedule
 * is a promise made by the people on it, so only they or whoever runs the team may change it for them.
 */
public final class Overrides {
    /** How long a new override may last at most: longer arrangements belong in the rotation. */
    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    /** An override just written, and anything the caller should know about it. */
    public record Created(OverrideEntry entry, List<String> warnings) {
    }

    private final Database database;
    private final OnCallService onCall;
    private final OverrideStore store = new OverrideStore();
    private final NoticeOutbox outbox = new NoticeOutbox();

    public Overrides(Database database, OnCallService onCall) {
        this.database = database;
        this.onCall = onCall;
    }

    public List<OverrideEntry> list(String scheduleId, Instant from, Instant to, boolean includeRemoved) {
        onCall.schedule(scheduleId);
        return database.jdbi().withHandle(handle -> store.overlapping(handle, scheduleId, from, to, includeRemoved));
    }

    public OverrideEntry find(String id) {
        return database.jdbi().withHandle(handle -> store.find(handle, id))
                .orElseThrow(() -> Refusal.notFound("override '" + id + "'"));
    }

    /** Adds an override; see the class comment for who may. */
    public Created add(Principal caller, String scheduleId, String userId, String replacing, Instant start,
                       Instant end, String reason) {
        Organisation organisation = onCall.organisation();
        Schedule schedule = onCall.schedule(scheduleId);
        Instant now = onCall.clock().instant();
        List<String> problems = new ArrayList<>();
        if (userId == null || userId.isBlank()) problems.add("user: required");
        else if (!organisation.hasUser(userId)) problems.add("user: '" + userId + "' is not a configured user");
        if (replacing != null) {
            if (!ScheduleTeam.participants(schedule).contains(replacing)) {
                problems.add("replacing: '" + replacing + "' is not in any layer of schedule '" + scheduleId + "'");
            } else if (replacing.equals(userId)) {
                problems.add("replacing: a user cannot replace themselves");
            }
        }
        checkWindow(problems, start, end, now);
        if (!problems.isEmpty()) throw Refusal.invalid("cannot add the override", problems);
        if (!userId.equals(caller.userId())) requireManager(caller, organisation, scheduleId, "put someone else on call");
        List<String> warnings = new ArrayList<>();
        if (!ScheduleTeam.participants(schedule).contains(userId)) {
            warnings.add("'" + userId + "' is not in any layer of schedule '" + scheduleId
                    + "'; the override puts them on call there anyway");
        }
        Override override = new Override(OverrideStore.newId("ov_"), scheduleId, userId, replacing, start, end,
                caller.actor().toString(), now);
        String headline = caller.userId() + " added an override: " + userId + " is on call"
                + (replacing == null ? "" : " instead of " + replacing) + ".";
        OverrideEntry entry = write(schedule, override, reason, "override", null, "override_added", headline);
        return new Created(entry, warnings);
    }

    /** "I take the pager": an override for the caller from now until {@code until}, replacing everyone. */
    public OverrideEntry takePager(Principal caller, String scheduleId, Instant until, String reason) {
        Organisation organisation = onCall.organisation();
        Schedule schedule = onCall.schedule(scheduleId);
        Instant now = onCall.clock().instant();
        if (!organisation.hasUser(caller.userId())) {
            throw Refusal.invalid("the token's user '" + caller.userId() + "' is not a configured user");
        }
        List<String> problems = new ArrayList<>();
        if (!until.isAfter(now)) problems.add("until: " + until + " is not in the future (now is " + now + ")");
        else checkWindow(problems, now, until, now);
        if (!problems.isEmpty()) throw Refusal.invalid("cannot take the pager", problems);
        Override override = new Override(OverrideStore.newId("ov_"), scheduleId, caller.userId(), null, now, until,
                caller.actor().toString(), now);
        String headline = caller.userId() + " took the pager for "
                + (schedule.name() == null ? schedule.id() : schedule.name()) + ".";
        database.writeAndWait(handle -> {
            List<Override> active = store.active(handle, scheduleId);
            OnCall before = new OnCall(schedule, active);
            cutAround(handle, active, now, until, caller.actor().toString(), override.id());
            store.insert(handle, override, reason, "take_pager", null);
            OnCall after = new OnCall(schedule, store.active(handle, scheduleId));
            tell(handle, ChangeNotices.between(before, after, schedule, now, until, organisation, "pager_taken",
                    headline, now));
            return null;
        });
        onCall.overridesChanged();
        return find(override.id());
    }

    /**
     * Overlapping overrides that replace everyone would otherwise combine with the new one (both people on
     * call). Whoever takes the pager means to hold it alone, so those are cut around [from, to): removed,
     * with the parts outside the window written again as new overrides that say where they came from.
     */
    private void cutAround(Handle handle, List<Override> active, Instant from, Instant to, String actor, String cutBy) {
        for (Override existing : active) {
            if (!existing.replacesEveryone() || !existing.start().isBefore(to) || !existing.end().isAfter(from)) continue;
            OverrideEntry entry = store.find(handle, existing.id()).orElseThrow();
            store.remove(handle, existing.id(), actor, from);
            String why = "the part of " + existing.id() + " outside take-pager override " + cutBy;
            if (existing.start().isBefore(from)) {
                store.insert(handle, new Override(OverrideStore.newId("ov_"), existing.scheduleId(), existing.userId(),
                        null, existing.start(), from, existing.createdBy(), existing.createdAt()), why, entry.origin(), entry.originId());
            }
            if (existing.end().isAfter(to)) {
                store.insert(handle, new Override(OverrideStore.newId("ov_"), existing.scheduleId(), existing.userId(),
                        null, to, existing.end(), existing.createdBy(), existing.createdAt()), why, entry.origin(), entry.originId());
            }
        }
    }

    /** Removes an override (it stays on record as removed, by whom and when). */
    public OverrideEntry remove(Principal caller, String id) {
        OverrideEntry entry = find(id);
        Override override = entry.override();
        if (entry.removed()) {
            throw Refusal.conflict("override '" + id + "' was removed already, by " + entry.removedBy()
                    + " at " + entry.removedAt());
        }
        Organisation organisation = onCall.organisation();
        if (!own(caller, override)) requireManager(caller, organisation, override.scheduleId(), "remove someone else's override");
        Schedule schedule = onCall.schedule(override.scheduleId());
        Instant now = onCall.clock().instant();
        String headline = caller.userId() + " removed an override that had " + override.userId() + " on call.";
        database.writeAndWait(handle -> {
            OnCall before = new OnCall(schedule, store.active(handle, schedule.id()));
            if (!store.remove(handle, id, caller.actor().toString(), now)) {
                throw Refusal.conflict("override '" + id + "' was removed already");
            }
            OnCall after = new OnCall(schedule, store.active(handle, schedule.id()));
            tell(handle, ChangeNotices.between(before, after, schedule, override.start(), override.end(),
                    organisation, "override_removed", headline, now));
            return null;
        });
        onCall.overridesChanged();
        return find(id);
    }

    /** Whether {@link #remove} would let the caller remove the override (a page shows its button only then). */
    public boolean mayRemove(Principal caller, Override override) {
        if (!caller.role().includes(Role.RESPONDER)) return false;
        if (own(caller, override) || caller.role().includes(Role.ADMIN)) return true;
        return ScheduleTeam.isManager(onCall.organisation(), override.scheduleId(), caller.userId());
    }

    private static boolean own(Principal caller, Override override) {
        return caller.userId().equals(override.userId()) || caller.actor().toString().equals(override.createdBy());
    }

    /**
     * Writes an override and the notices it causes in one transaction. Used by cover and swap as well, with
     * their own origin and notice kind.
     */
    OverrideEntry write(Schedule schedule, Override override, String reason, String origin, String originId,
                        String kind, String headline) {
        database.writeAndWait(handle -> {
            insert(handle, schedule, override, reason, origin, originId, kind, headline);
            return null;
        });
        onCall.overridesChanged();
        return find(override.id());
    }

    /** The same inside a caller's write job (a cover or swap accept writes more in the same transaction). */
    List<Notice> insert(Handle handle, Schedule schedule, Override override, String reason, String origin,
                        String originId, String kind, String headline) {
        return insert(handle, schedule, List.of(override), reason, origin, originId, kind, headline);
    }

    /**
     * Several overrides of one schedule as one change: each person is told once, about the difference between
     * the schedule before and after all of them.
     */
    List<Notice> insert(Handle handle, Schedule schedule, List<Override> added, String reason, String origin,
                        String originId, String kind, String headline) {
        List<Override> active = store.active(handle, schedule.id());
        OnCall before = new OnCall(schedule, active);
        List<Override> with = new ArrayList<>(active);
        with.addAll(added);
        OnCall after = new OnCall(schedule, with);
        Instant from = added.get(0).start();
        Instant to = added.get(0).end();
        for (Override override : added) {
            store.insert(handle, override, reason, origin, originId);
            if (override.start().isBefore(from)) from = override.start();
            if (override.end().isAfter(to)) to = override.end();
        }
        List<Notice> notices = ChangeNotices.between(before, after, schedule, from, to, onCall.organisation(), kind,
                headline, added.get(0).createdAt());
        tell(handle, notices);
        return notices;
    }

    void tell(Handle handle, List<Notice> notices) {
        for (Notice notice : notices) outbox.enqueue(handle, notice);
    }

    static void checkWindow(List<String> problems, Instant start, Instant end, Instant now) {
        if (start == null || end == null) return;
        if (!end.isAfter(start)) problems.add("end: must be after start (" + start + ")");
        else if (!end.isAfter(now)) problems.add("end: " + end + " is in the past; an override must end after now (" + now + ")");
        else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            problems.add("end: an override lasts at most " + MAX_LENGTH.toDays() + " days; change the rotation instead");
        }
    }

    static void requireManager(Principal caller, Organisation organisation, String scheduleId, String what) {
        if (caller.role().includes(Role.ADMIN)) return;
        if (ScheduleTeam.isManager(organisation, scheduleId, caller.userId())) return;
        throw Refusal.forbidden("only an admin or a manager of a team of schedule '" + scheduleId
                + "' may " + what + "; '" + caller.userId() + "' is neither");
    }

    static String describe(Schedule schedule, Instant start, Instant end, java.time.ZoneId zone) {
        return (schedule.name() == null ? schedule.id() : schedule.name()) + " from " + Times.span(start, end, zone);
    }
}
