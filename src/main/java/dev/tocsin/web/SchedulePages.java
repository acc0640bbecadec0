package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.override.Overrides;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.time.Durations;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Schedules as people read them: who is on call now and for the next two weeks, overrides, and taking the pager. */
final class SchedulePages {
    static final Duration HORIZON = Duration.ofDays(14);

    private final OnCallService onCall;
    private final Overrides overrides;
    private final WebAuth auth;
    private final Frames frames;

    SchedulePages(OnCallService onCall, Overrides overrides, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.overrides = overrides;
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
        render(ctx, session, schedule(ctx), null, 200);
    }

    private void render(Context ctx, WebSession session, Schedule schedule, String error, int status) {
        Instant now = onCall.clock().instant();
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, schedule.name(), "schedules", error));
        model.put("view", ScheduleView.of(schedule, onCall, session.userId(), "schedule".equals(ctx.queryParam("zone")),
                now, now.plus(HORIZON), session.role().includes(Role.RESPONDER)));
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
            ctx.redirect("/schedules/" + schedule.id(), io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            render(ctx, session, schedule, refusal.getMessage(), WebRoutes.status(refusal));
        }
    }

    private Schedule schedule(Context ctx) {
        String id = ctx.pathParam("id");
        return onCall.organisation().schedule(id).orElseThrow(() -> Refusal.notFound("schedule '" + id + "'"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
