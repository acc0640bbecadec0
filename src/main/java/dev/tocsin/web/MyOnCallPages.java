package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.calendar.FeedKind;
import dev.tocsin.calendar.FeedLinks;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.override.CoverRequest;
import dev.tocsin.override.CoverRequests;
import dev.tocsin.override.SwapRequest;
import dev.tocsin.override.SwapRequests;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.view.IncidentQueries;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "My on-call": my shifts, my incidents, the cover and swap requests for me (accept or decline, through
 * {@link CoverRequests} and {@link SwapRequests}, which decide exactly as for the API) and the ones I made, and my
 * calendar link.
 */
final class MyOnCallPages {
    /** How many of my own requests the page lists, newest first. */
    static final int MY_REQUESTS = 20;

    private final OnCallService onCall;
    private final IncidentQueries queries;
    private final CoverRequests covers;
    private final SwapRequests swaps;
    private final FeedLinks feeds;
    private final WebAuth auth;
    private final Frames frames;

    MyOnCallPages(OnCallService onCall, IncidentQueries queries, CoverRequests covers, SwapRequests swaps,
                  FeedLinks feeds, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.queries = queries;
        this.covers = covers;
        this.swaps = swaps;
        this.feeds = feeds;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /me}. */
    void me(Context ctx) {
        render(ctx, auth.require(ctx), null, null, 200);
    }

    private void render(Context ctx, WebSession session, String error, FeedLinks.Link issued, int status) {
        Instant now = onCall.clock().instant();
        String me = session.userId();
        List<MeView.MyShift> shifts = new ArrayList<>();
        for (Schedule schedule : onCall.organisation().document().schedules()) {
            for (var shift : onCall.forSchedule(schedule.id()).shiftsOf(me, now, now.plus(SchedulePages.HORIZON))) {
                shifts.add(new MeView.MyShift(schedule, shift.start(), shift.end()));
            }
        }
        shifts.sort(Comparator.comparing(MeView.MyShift::start));
        var assigned = queries.list(new IncidentFilter(List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED), List.of(),
                null, me), null, 20);
        Instant feedIssued = issued != null ? issued.issuedAt() : feeds.issuedAt(session.principal(), FeedKind.USER, me).orElse(null);
        FeedView feed = new FeedView(feedIssued, issued, feeds.mayRotate(session.principal(), FeedKind.USER), "/me/calendar");
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "My on-call", "me", error));
        model.put("view", new MeView(shifts, assigned, covers.openFor(me), swaps.openFor(me),
                covers.madeBy(me).stream().limit(MY_REQUESTS).toList(), swaps.madeBy(me).stream().limit(MY_REQUESTS).toList(),
                feed, session.role().includes(Role.RESPONDER), now, new Names(onCall.organisation(), me)));
        model.put("handovers", queries.handoversAskedOf(me));
        if (issued != null) ctx.header("Cache-Control", "no-store");
        ctx.status(status).render("me.jte", model);
    }

    /** {@code POST /me/cover-requests/{id}/{answer}}: {@code accept} or {@code decline}. */
    void answerCover(Context ctx) {
        WebSession session = responder(ctx);
        String id = ctx.pathParam("id");
        Names names = new Names(onCall.organisation(), session.userId());
        try {
            CoverRequest request = switch (ctx.pathParam("answer")) {
                case "accept" -> covers.accept(session.principal(), id);
                case "decline" -> covers.decline(session.principal(), id);
                default -> throw Refusal.notFound("answer '" + ctx.pathParam("answer") + "'");
            };
            String schedule = scheduleName(request.scheduleId());
            Flash.leave(ctx, "accepted".equals(request.status()) && session.userId().equals(request.closedBy())
                    ? "You cover " + names.name(request.requester()) + " in " + schedule + " from "
                        + Show.time(later(request.start(), request.closedAt()), names.viewerZone()) + " until "
                        + Show.time(request.end(), names.viewerZone()) + "."
                    : "You declined " + names.name(request.requester()) + "'s request for cover in " + schedule + ".");
            ctx.redirect("/me", HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            render(ctx, session, refusal.getMessage(), null, WebRoutes.status(refusal));
        }
    }

    /** {@code POST /me/swaps/{id}/{answer}}: {@code accept} or {@code decline}. */
    void answerSwap(Context ctx) {
        WebSession session = responder(ctx);
        String id = ctx.pathParam("id");
        Names names = new Names(onCall.organisation(), session.userId());
        try {
            SwapRequest swap = switch (ctx.pathParam("answer")) {
                case "accept" -> swaps.accept(session.principal(), id);
                case "decline" -> swaps.decline(session.principal(), id);
                default -> throw Refusal.notFound("answer '" + ctx.pathParam("answer") + "'");
            };
            String other = names.name(swap.requester());
            Flash.leave(ctx, "accepted".equals(swap.status())
                    ? "Swap done: you are on call in " + scheduleName(swap.scheduleId()) + " from "
                        + Show.time(swap.start(), names.viewerZone()) + " instead of " + other + ", and " + other
                        + " takes your shift from " + Show.time(swap.otherStart(), names.viewerZone()) + "."
                    : "You declined " + other + "'s swap. Your shifts stay as they were.");
            ctx.redirect("/me", HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            render(ctx, session, refusal.getMessage(), null, WebRoutes.status(refusal));
        }
    }

    /**
     * {@code POST /me/calendar}: a new link to my calendar feed; the old one stops working. Shown on the page that
     * answers (with {@code Cache-Control: no-store}) and nowhere else: only its hash is kept.
     */
    void calendar(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        try {
            render(ctx, session, null, feeds.rotate(session.principal(), FeedKind.USER, session.userId()), 201);
        } catch (Refusal refusal) {
            render(ctx, session, refusal.getMessage(), null, WebRoutes.status(refusal));
        }
    }

    /** As for the API: answering requests needs a responder. */
    private WebSession responder(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.RESPONDER);
        return session;
    }

    private String scheduleName(String scheduleId) {
        return onCall.organisation().schedule(scheduleId).map(Schedule::name).orElse(scheduleId);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
