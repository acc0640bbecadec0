package dev.tocsin.calendar;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Organisation;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The iCalendar feeds ({@code /calendar/users/{user}.ics?token=…}, {@code /calendar/schedules/{schedule}.ics?token=…})
 * and the API that hands out their URLs ({@code /api/v1/users/{id}/calendar}, {@code …/schedules/{id}/calendar},
 * each with {@code /rotate}).
 */
public final class CalendarRoutes implements Routes {
    private final ConfigService config;
    private final OnCallService onCall;
    private final FeedTokens tokens;
    private final Auth auth;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    public CalendarRoutes(ConfigService config, OnCallService onCall, FeedTokens tokens, Auth auth,
                          Supplier<String> publicUrl, Clock clock) {
        this.config = config;
        this.onCall = onCall;
        this.tokens = tokens;
        this.auth = auth;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/calendar/users/{user}.ics", ctx -> feed(ctx, FeedKind.USER, ctx.pathParam("user")));
        routes.get("/calendar/schedules/{schedule}.ics", ctx -> feed(ctx, FeedKind.SCHEDULE, ctx.pathParam("schedule")));
        routes.get("/api/v1/users/{id}/calendar", ctx -> show(ctx, FeedKind.USER, userAllowed(ctx)));
        routes.post("/api/v1/users/{id}/calendar/rotate", ctx -> rotate(ctx, FeedKind.USER, userAllowed(ctx)));
        routes.get("/api/v1/schedules/{id}/calendar", ctx -> {
            Principal caller = auth.require(ctx, Role.OBSERVER);
            show(ctx, FeedKind.SCHEDULE, new Allowed(caller, existingSchedule(ctx.pathParam("id")).id()));
        });
        routes.post("/api/v1/schedules/{id}/calendar/rotate", ctx -> {
            // Rotating a schedule's feed breaks everyone's subscription to it, so only admins may.
            Principal caller = auth.require(ctx, Role.ADMIN);
            rotate(ctx, FeedKind.SCHEDULE, new Allowed(caller, existingSchedule(ctx.pathParam("id")).id()));
        });
    }

    private record Allowed(Principal caller, String subjectId) {
    }

    /** People may get and rotate their own feed; admins anyone's. */
    private Allowed userAllowed(Context ctx) {
        Principal caller = auth.require(ctx, Role.OBSERVER);
        String userId = ctx.pathParam("id");
        if (!caller.userId().equals(userId) && !caller.role().includes(Role.ADMIN)) {
            throw new ApiException(403, "forbidden", "only an admin may see or rotate another person's calendar feed");
        }
        if (!config.current().hasUser(userId)) throw ApiException.notFound("user '" + userId + "'");
        return new Allowed(caller, userId);
    }

    private Schedule existingSchedule(String scheduleId) {
        return config.current().schedule(scheduleId).orElseThrow(() -> ApiException.notFound("schedule '" + scheduleId + "'"));
    }

    /**
     * The token is stored hashed, so a URL with its token exists only when it is issued. The first GET issues
     * one; later GETs return the address without the token and say how to get a new one.
     */
    private void show(Context ctx, FeedKind kind, Allowed allowed) {
        var issued = tokens.issuedAt(kind, allowed.subjectId());
        if (issued.isEmpty()) {
            issueAndRespond(ctx, kind, allowed);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", feedAddress(kind, allowed.subjectId()));
        body.put("token_shown", false);
        body.put("issued_at", issued.get());
        body.put("message", "the feed's token is stored hashed and was shown when it was issued; "
                + "POST " + ctx.path() + "/rotate for a new URL (the old one stops working)");
        ctx.json(body);
    }

    private void rotate(Context ctx, FeedKind kind, Allowed allowed) {
        issueAndRespond(ctx, kind, allowed);
    }

    private void issueAndRespond(Context ctx, FeedKind kind, Allowed allowed) {
        String secret = tokens.issue(kind, allowed.subjectId(), allowed.caller().actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", feedAddress(kind, allowed.subjectId()) + "?token=" + secret);
        body.put("token_shown", true);
        body.put("issued_at", tokens.issuedAt(kind, allowed.subjectId()).orElse(null));
        ctx.json(body);
    }

    private String feedAddress(FeedKind kind, String subjectId) {
        return publicUrl.get() + "/calendar/" + kind.pathSegment() + "/"
                + URLEncoder.encode(subjectId, StandardCharsets.UTF_8).replace("+", "%20") + ".ics";
    }

    /**
     * Serves a feed. A wrong or missing token and an unknown user or schedule all answer the same 404, so the
     * feed URL space says nothing about who or what exists.
     */
    private void feed(Context ctx, FeedKind kind, String subjectId) {
        Organisation organisation = config.current();
        boolean exists = kind == FeedKind.USER ? organisation.hasUser(subjectId) : organisation.schedule(subjectId).isPresent();
        if (!tokens.verify(kind, subjectId, ctx.queryParam("token")) || !exists) {
            throw new ApiException(404, "not_found", "no such calendar feed");
        }
        Instant now = clock.instant();
        FeedWindow window = FeedWindow.at(now);
        String name;
        List<FeedEvent> events;
        if (kind == FeedKind.USER) {
            User user = organisation.user(subjectId).orElseThrow();
            name = "On call: " + user.name();
            Map<String, List<Shift>> shifts = new HashMap<>();
            for (Schedule schedule : organisation.document().schedules()) {
                shifts.put(schedule.id(), onCall.forSchedule(schedule.id()).shifts(window.lookFrom(), window.to()));
            }
            events = Feeds.ofUser(organisation, shifts, user, window);
        } else {
            Schedule schedule = organisation.schedule(subjectId).orElseThrow();
            name = "On call: " + schedule.name();
            events = Feeds.ofSchedule(organisation,
                    onCall.forSchedule(schedule.id()).shifts(window.lookFrom(), window.to()), schedule, window);
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType(CalendarFeed.CONTENT_TYPE);
        ctx.result(CalendarFeed.render(name, organizer(organisation), events, now).getBytes(StandardCharsets.UTF_8));
    }

    /** The SMTP sender address if one is configured, else tocsin@ the public host. */
    private String organizer(Organisation organisation) {
        String from = organisation.smtp().map(smtp -> smtp.from()).orElse(null);
        if (from != null) {
            int open = from.indexOf('<');
            int close = from.indexOf('>', open + 1);
            String address = open >= 0 && close > open ? from.substring(open + 1, close) : from.strip();
            if (address.matches("[^@\\s<>]+@[^@\\s<>]+")) return address;
        }
        String host = URI.create(publicUrl.get()).getHost();
        return "tocsin@" + (host == null ? "localhost" : host);
    }
}
