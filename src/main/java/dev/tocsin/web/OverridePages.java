package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.Times;
import dev.tocsin.override.CoverRequest;
import dev.tocsin.override.CoverRequests;
import dev.tocsin.override.OverrideEntry;
import dev.tocsin.override.Overrides;
import dev.tocsin.override.SwapRequest;
import dev.tocsin.override.SwapRequests;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Schedule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tocsin.web.SchedulePages.blankToNull;

/**
 * The schedule page's forms that change who is on call — add or remove an override, ask for cover, propose a
 * swap — as thin adapters over {@link Overrides}, {@link CoverRequests} and {@link SwapRequests}, which decide
 * who may do what exactly as for the API. A refused form comes back with each problem next to its field.
 */
final class OverridePages {
    /** Where a service's parameter names (API and form) are shown on the forms. */
    private static final Map<String, String> RANGE_FIELDS = Map.of("user", "user", "replacing", "replacing",
            "start", "from", "end", "until", "from", "from", "until", "until");
    private static final Map<String, String> SWAP_FIELDS = Map.of("start", "mine", "mine", "mine",
            "their_start", "theirs", "with", "theirs", "theirs", "theirs");

    private final OnCallService onCall;
    private final Overrides overrides;
    private final CoverRequests covers;
    private final SwapRequests swaps;
    private final SchedulePages schedules;
    private final WebAuth auth;

    OverridePages(OnCallService onCall, Overrides overrides, CoverRequests covers, SwapRequests swaps,
                  SchedulePages schedules, WebAuth auth) {
        this.onCall = onCall;
        this.overrides = overrides;
        this.covers = covers;
        this.swaps = swaps;
        this.schedules = schedules;
        this.auth = auth;
    }

    /** The session of a change to a schedule: the anti-forgery token and, as for the API, a responder's role. */
    private WebSession responder(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.RESPONDER);
        return session;
    }

    /** {@code POST /schedules/{id}/overrides}: {@code user}, optional {@code replacing}, {@code from}, {@code until}, {@code reason}. */
    void add(Context ctx) {
        WebSession session = responder(ctx);
        Schedule schedule = schedules.schedule(ctx);
        FormState form = FormState.sent("override", ctx, "user", "replacing", "from", "until", "reason");
        ZoneId zone = schedules.formZone(ctx, session, schedule);
        try {
            Instant[] range = range(form, zone);
            Overrides.Created created = overrides.add(session.principal(), schedule.id(), blankToNull(form.value("user")),
                    blankToNull(form.value("replacing")), range[0], range[1], blankToNull(form.value("reason")));
            Names names = names(session);
            String replacing = created.entry().override().replacing();
            Flash.leave(ctx, names.name(created.entry().override().userId()) + " covers " + schedule.name()
                    + (replacing == null ? "" : " instead of " + names.name(replacing))
                    + " from " + Show.time(range[0], zone) + " until " + Show.time(range[1], zone) + "."
                    + (created.warnings().isEmpty() ? "" : " Note: " + String.join("; ", created.warnings()) + "."));
            back(ctx, schedule);
        } catch (Refusal refusal) {
            again(ctx, session, schedule, form.refused(refusal, RANGE_FIELDS), refusal);
        }
    }

    /** {@code POST /schedules/{id}/overrides/{override}/remove}. */
    void remove(Context ctx) {
        WebSession session = responder(ctx);
        Schedule schedule = schedules.schedule(ctx);
        String id = ctx.pathParam("override");
        try {
            OverrideEntry entry = overrides.find(id);
            if (!entry.override().scheduleId().equals(schedule.id())) throw Refusal.notFound("override '" + id + "' of this schedule");
            overrides.remove(session.principal(), id);
            ZoneId zone = schedules.formZone(ctx, session, schedule);
            Flash.leave(ctx, "Override removed: " + names(session).name(entry.override().userId()) + " is no longer on call in "
                    + schedule.name() + " from " + Show.time(entry.override().start(), zone) + " until "
                    + Show.time(entry.override().end(), zone) + ".");
            back(ctx, schedule);
        } catch (Refusal refusal) {
            schedules.render(ctx, session, schedule, zoneWasSchedule(ctx), refusal.getMessage(), null, null,
                    WebRoutes.status(refusal));
        }
    }

    /** {@code POST /schedules/{id}/cover-requests}: {@code from}, {@code until}, optional {@code user} (else the team), {@code reason}. */
    void askForCover(Context ctx) {
        WebSession session = responder(ctx);
        Schedule schedule = schedules.schedule(ctx);
        FormState form = FormState.sent("cover", ctx, "user", "from", "until", "reason");
        ZoneId zone = schedules.formZone(ctx, session, schedule);
        try {
            Instant[] range = range(form, zone);
            CoverRequest request = covers.request(session.principal(), schedule.id(), range[0], range[1],
                    blankToNull(form.value("user")), blankToNull(form.value("reason")));
            String asked = request.askedUser() == null ? "everyone on " + schedule.name() + "'s team"
                    : names(session).name(request.askedUser());
            Flash.leave(ctx, "Asked " + asked + " to cover you in " + schedule.name() + " from "
                    + Show.time(request.start(), zone) + " until " + Show.time(request.end(), zone)
                    + ". You stay on call until someone accepts.");
            back(ctx, schedule);
        } catch (Refusal refusal) {
            again(ctx, session, schedule, form.refused(refusal, RANGE_FIELDS), refusal);
        }
    }

    /** {@code POST /schedules/{id}/swaps}: {@code mine} (a shift's start), {@code theirs} ({@code user@start}), {@code reason}. */
    void proposeSwap(Context ctx) {
        WebSession session = responder(ctx);
        Schedule schedule = schedules.schedule(ctx);
        FormState form = FormState.sent("swap", ctx, "mine", "theirs", "reason");
        try {
            List<String> problems = new ArrayList<>();
            Instant mine = instant(form.value("mine"), "mine: choose one of your shifts", problems);
            String theirs = form.value("theirs");
            int at = theirs.lastIndexOf('@');
            String other = at > 0 ? theirs.substring(0, at) : null;
            Instant theirStart = at > 0 ? instant(theirs.substring(at + 1), "theirs: choose a colleague's shift", problems)
                    : instant("", "theirs: choose a colleague's shift", problems);
            if (!problems.isEmpty()) throw Refusal.invalid("cannot propose the swap", problems);
            SwapRequest swap = swaps.request(session.principal(), schedule.id(), mine, other, schedule.id(), theirStart,
                    blankToNull(form.value("reason")));
            ZoneId zone = schedules.formZone(ctx, session, schedule);
            Flash.leave(ctx, "Offered " + names(session).name(swap.otherUser()) + " your shift from "
                    + Show.time(swap.start(), zone) + " for theirs from " + Show.time(swap.otherStart(), zone)
                    + ". Nothing changes until they accept.");
            back(ctx, schedule);
        } catch (Refusal refusal) {
            again(ctx, session, schedule, form.refused(refusal, SWAP_FIELDS), refusal);
        }
    }

    /** The form's from and until, read in the zone the page showed; every unreadable one is a problem of its own. */
    private static Instant[] range(FormState form, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        Instant[] range = new Instant[2];
        String[] fields = {"from", "until"};
        for (int i = 0; i < 2; i++) {
            try {
                range[i] = Times.parse(fields[i], form.value(fields[i]), zone);
            } catch (Refusal refusal) {
                problems.add(refusal.getMessage());
            }
        }
        if (!problems.isEmpty()) throw Refusal.invalid("cannot read the times", problems);
        return range;
    }

    private static Instant instant(String text, String problem, List<String> problems) {
        try {
            return Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            problems.add(problem);
            return null;
        }
    }

    private void again(Context ctx, WebSession session, Schedule schedule, FormState form, Refusal refusal) {
        schedules.render(ctx, session, schedule, zoneWasSchedule(ctx), null, form, null, WebRoutes.status(refusal));
    }

    private static boolean zoneWasSchedule(Context ctx) {
        return "schedule".equals(ctx.formParam("zone"));
    }

    private static void back(Context ctx, Schedule schedule) {
        ctx.redirect("/schedules/" + schedule.id() + (zoneWasSchedule(ctx) ? "?zone=schedule" : ""), HttpStatus.SEE_OTHER);
    }

    private Names names(WebSession session) {
        return new Names(onCall.organisation(), session.userId());
    }
}
