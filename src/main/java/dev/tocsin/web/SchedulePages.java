package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.calendar.FeedKind;
import dev.tocsin.calendar.FeedLinks;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.override.Overrides;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.time.Durations;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Schedules as people read them: who is on call now and for the next two weeks, overrides, taking the pager and
 * the schedule's calendar link. The forms that change a schedule are {@link OverridePages}; this class draws the
 * page they answer with.
 */
final class SchedulePages {
    static final Duration HORIZON = Duration.ofDays(14);

    private final OnCallService onCall;
    private final Overrides overrides;
    private final FeedLinks feeds;
    private final WebAuth auth;
    private final Frames frames;

    SchedulePages(OnCallService onCall, Overrides overrides, FeedLinks feeds, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.overrides = overrides;
        this.feeds = feeds;
        this.auth = auth;
        this.frames = frames;
    }

    void list(Context ctx) {
        WebSession session = auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Schedules", "schedules"));
        model.put("view", ScheduleListView.of(onCall, session.userId(), onCall.clock().instant()));
        ctx.render("schedules.jte", model);
    }

    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        render(ctx, session, schedule(ctx), "schedule".equals(ctx.queryParam("zone")), null, null, null, 200);
    }

    /**
     * The schedule page; {@code sent} is a form sent back with its problems, {@code issued} a calendar link just
     * issued (shown this once), {@code error} a problem for the top of the page.
     */
    void render(Context ctx, WebSession session, Schedule schedule, boolean scheduleZone, String error, FormState sent,
                FeedLinks.Link issued, int status) {
        Instant now = onCall.clock().instant();
        Instant feedIssued = issued != null ? issued.issuedAt()
                : feeds.issuedAt(session.principal(), FeedKind.SCHEDULE, schedule.id()).orElse(null);
        FeedView feed = new FeedView(feedIssued, issued,
                feedIssued == null || feeds.mayRotate(session.principal(), FeedKind.SCHEDULE),
                "/schedules/" + schedule.id() + "/calendar");
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, schedule.name(), "schedules", error));
        model.put("view", ScheduleView.of(schedule, onCall, overrides, session.principal(), scheduleZone, now,
                now.plus(HORIZON), sent, feed));
        if (issued != null) ctx.header("Cache-Control", "no-store");
        ctx.status(status).render("schedule.jte", model);
    }

    /** {@code POST /schedules/{id}/take-pager}: {@code for=2h}, optional {@code reason}. */
    void takePager(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        Schedule schedule = schedule(ctx);
        auth.requireRole(session, Role.RESPONDER);
        String duration = ctx.formParam("for");
        try {
            Duration length;
            try {
                length = Durations.parse(duration == null ? "" : duration.trim());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("for: " + e.getMessage());
            }
            Instant until = onCall.clock().instant().plus(length);
            overrides.takePager(session.principal(), schedule.id(), until, blankToNull(ctx.formParam("reason")));
            Flash.leave(ctx, "You have the pager of " + schedule.name() + " for " + duration.trim() + ".");
            ctx.redirect("/schedules/" + schedule.id(), HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            render(ctx, session, schedule, false, refusal.getMessage(), null, null, WebRoutes.status(refusal));
        }
    }

    /**
     * {@code POST /schedules/{id}/calendar}: the schedule's calendar link, issued if it has none, else renewed
     * (admins; the old link stops working). The link is on the page that answers, never in a cookie or a log.
     */
    void calendar(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        Schedule schedule = schedule(ctx);
        boolean scheduleZone = "schedule".equals(ctx.formParam("zone"));
        try {
            FeedLinks.Link link = feeds.issuedAt(session.principal(), FeedKind.SCHEDULE, schedule.id()).isEmpty()
                    ? feeds.show(session.principal(), FeedKind.SCHEDULE, schedule.id())
                    : feeds.rotate(session.principal(), FeedKind.SCHEDULE, schedule.id());
            render(ctx, session, schedule, scheduleZone, null, null, link, 201);
        } catch (Refusal refusal) {
            render(ctx, session, schedule, scheduleZone, refusal.getMessage(), null, null, WebRoutes.status(refusal));
        }
    }

    Schedule schedule(Context ctx) {
        String id = ctx.pathParam("id");
        return onCall.organisation().schedule(id).orElseThrow(() -> Refusal.notFound("schedule '" + id + "'"));
    }

    /** The zone a schedule form's times are read in: the one the page showed them in. */
    ZoneId formZone(Context ctx, WebSession session, Schedule schedule) {
        return "schedule".equals(ctx.formParam("zone")) ? schedule.timezone()
                : new Names(onCall.organisation(), session.userId()).viewerZone();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
