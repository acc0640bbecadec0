package dev.tocsin.calendar;

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
    private final FeedLinks links;
    private final Auth auth;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    public CalendarRoutes(ConfigService config, OnCallService onCall, FeedTokens tokens, Auth auth,
                          Supplier<String> publicUrl, Clock clock) {
        this.config = config;
        this.onCall = onCall;
        this.tokens = tokens;
        this.links = new FeedLinks(tokens, config::current, publicUrl);
        this.auth = auth;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/calendar/users/{user}.ics", ctx -> feed(ctx, FeedKind.USER, ctx.pathParam("user")));
        routes.get("/calendar/schedules/{schedule}.ics", ctx -> feed(ctx, FeedKind.SCHEDULE, ctx.pathParam("schedule")));
        routes.get("/api/v1/users/{id}/calendar", ctx -> show(ctx, links.show(auth.require(ctx, Role.OBSERVER),
                FeedKind.USER, ctx.pathParam("id"))));
        routes.post("/api/v1/users/{id}/calendar/rotate", ctx -> show(ctx, links.rotate(auth.require(ctx, Role.OBSERVER),
                FeedKind.USER, ctx.pathParam("id"))));
        routes.get("/api/v1/schedules/{id}/calendar", ctx -> show(ctx, links.show(auth.require(ctx, Role.OBSERVER),
                FeedKind.SCHEDULE, ctx.pathParam("id"))));
        routes.post("/api/v1/schedules/{id}/calendar/rotate", ctx -> show(ctx, links.rotate(auth.require(ctx, Role.ADMIN),
                FeedKind.SCHEDULE, ctx.pathParam("id"))));
    }

    /**
     * The token is stored hashed, so a URL with its token exists only when it is issued. The first GET issues
     * one; later GETs return the address without the token and say how to get a new one.
     */
    private static void show(Context ctx, FeedLinks.Link link) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", link.tokenShown() ? link.url() : link.address());
        body.put("token_shown", link.tokenShown());
        body.put("issued_at", link.issuedAt());
        if (!link.tokenShown()) {
            body.put("message", "the feed's token is stored hashed and was shown when it was issued; "
                    + "POST " + ctx.path() + "/rotate for a new URL (the old one stops working)");
        }
        ctx.json(body);
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
