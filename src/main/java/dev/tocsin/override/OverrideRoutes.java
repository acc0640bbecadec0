package dev.tocsin.override;

import dev.tocsin.http.RequestBodies;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.Requests;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.time.Durations;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changing who is on call over HTTP: overrides, take the pager, cover requests and swaps. Observers read;
 * responders act (see {@link Overrides} for who may put someone else on call). Times in bodies are instants or
 * local date-times in the schedule's zone.
 */
public final class OverrideRoutes implements Routes {
    private final OnCallService onCall;
    private final Overrides overrides;
    private final CoverRequests covers;
    private final SwapRequests swaps;
    private final Auth auth;

    public OverrideRoutes(OnCallService onCall, Overrides overrides, CoverRequests covers, SwapRequests swaps, Auth auth) {
        this.onCall = onCall;
        this.overrides = overrides;
        this.covers = covers;
        this.swaps = swaps;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/schedules/{id}/overrides", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            Schedule schedule = onCall.schedule(ctx.pathParam("id"));
            Requests.Range range = Requests.range(ctx::queryParam, schedule.timezone(), now());
            boolean removed = "true".equalsIgnoreCase(ctx.queryParam("include_removed"));
            ctx.json(Map.of("overrides", overrides.list(schedule.id(), range.from(), range.to(), removed).stream()
                    .map(OverrideRoutes::view).toList()));
        });
        routes.post("/api/v1/schedules/{id}/overrides", ctx -> {
            Principal caller = auth.require(ctx, Role.RESPONDER);
            Schedule schedule = onCall.schedule(ctx.pathParam("id"));
            JsonNode body = RequestBodies.jsonObject(ctx);
            Overrides.Created created = overrides.add(caller, schedule.id(), Requests.text(body, "user"),
                    Requests.text(body, "replacing"), time(body, "start", schedule.timezone()),
                    time(body, "end", schedule.timezone()), Requests.text(body, "reason"));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("override", view(created.entry()));
            answer.put("warnings", created.warnings());
            ctx.status(201).json(answer);
        });
        routes.get("/api/v1/overrides/{id}", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("override", view(overrides.find(ctx.pathParam("id")))));
        });
        routes.delete("/api/v1/overrides/{id}", ctx -> {
            Principal caller = auth.require(ctx, Role.RESPONDER);
            ctx.json(Map.of("override", view(overrides.remove(caller, ctx.pathParam("id")))));
        });
        routes.post("/api/v1/schedules/{id}/take-pager", this::takePager);
        routes.post("/api/v1/schedules/{id}/cover_requests", ctx -> {
            Principal caller = auth.require(ctx, Role.RESPONDER);
            Schedule schedule = onCall.schedule(ctx.pathParam("id"));
            JsonNode body = RequestBodies.jsonObject(ctx);
            CoverRequest request = covers.request(caller, schedule.id(), time(body, "start", schedule.timezone()),
                    time(body, "end", schedule.timezone()), Requests.text(body, "user"), Requests.text(body, "reason"));
            ctx.status(201).json(Map.of("cover_request", request));
        });
        routes.get("/api/v1/cover_requests", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("cover_requests", covers.list(status(ctx))));
        });
        routes.get("/api/v1/cover_requests/{id}", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("cover_request", covers.find(ctx.pathParam("id"))));
        });
        routes.post("/api/v1/cover_requests/{id}/accept", ctx -> ctx.json(Map.of("cover_request",
                covers.accept(auth.require(ctx, Role.RESPONDER), ctx.pathParam("id")))));
        routes.post("/api/v1/cover_requests/{id}/decline", ctx -> ctx.json(Map.of("cover_request",
                covers.decline(auth.require(ctx, Role.RESPONDER), ctx.pathParam("id")))));
        routes.post("/api/v1/swaps", this::requestSwap);
        routes.get("/api/v1/swaps", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("swaps", swaps.list(status(ctx))));
        });
        routes.get("/api/v1/swaps/{id}", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("swap", swaps.find(ctx.pathParam("id"))));
        });
        routes.post("/api/v1/swaps/{id}/accept", ctx -> ctx.json(Map.of("swap",
                swaps.accept(auth.require(ctx, Role.RESPONDER), ctx.pathParam("id")))));
        routes.post("/api/v1/swaps/{id}/decline", ctx -> ctx.json(Map.of("swap",
                swaps.decline(auth.require(ctx, Role.RESPONDER), ctx.pathParam("id")))));
    }

    private void takePager(Context ctx) {
        Principal caller = auth.require(ctx, Role.RESPONDER);
        Schedule schedule = onCall.schedule(ctx.pathParam("id"));
        JsonNode body = RequestBodies.jsonObject(ctx);
        String duration = Requests.text(body, "for");
        String until = Requests.text(body, "until");
        if ((duration == null) == (until == null)) {
            throw ApiException.badRequest("give exactly one of \"for\" (a duration like 2h) and \"until\" (a time)");
        }
        Instant end;
        if (duration != null) {
            try {
                end = now().plus(Durations.parse(duration));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("for: " + e.getMessage());
            }
        } else {
            end = Times.parse("until", until, schedule.timezone());
        }
        ctx.status(201).json(Map.of("override", view(overrides.find(
                overrides.takePager(caller, schedule.id(), end, Requests.text(body, "reason")).override().id()))));
    }

    private void requestSwap(Context ctx) {
        Principal caller = auth.require(ctx, Role.RESPONDER);
        JsonNode body = RequestBodies.jsonObject(ctx);
        String scheduleId = Requests.text(body, "schedule");
        if (scheduleId == null) throw ApiException.badRequest("schedule: required");
        Schedule schedule = onCall.schedule(scheduleId);
        String theirScheduleId = Requests.text(body, "their_schedule");
        Schedule theirSchedule = theirScheduleId == null ? schedule : onCall.schedule(theirScheduleId);
        SwapRequest swap = swaps.request(caller, schedule.id(), time(body, "start", schedule.timezone()),
                Requests.text(body, "with"), theirSchedule.id(), time(body, "their_start", theirSchedule.timezone()),
                Requests.text(body, "reason"));
        ctx.status(201).json(Map.of("swap", swap));
    }

    private static Instant time(JsonNode body, String field, ZoneId zone) {
        return Times.parse(field, Requests.text(body, field), zone);
    }

    private static String status(Context ctx) {
        String status = ctx.queryParam("status");
        if (status == null || status.isBlank()) return null;
        if (!List.of("open", "accepted", "declined", "expired").contains(status)) {
            throw ApiException.badRequest("status: '" + status + "' is not one of open, accepted, declined, expired");
        }
        return status;
    }

    /** An override as the API shows it: flat, with its history. */
    static Map<String, Object> view(OverrideEntry entry) {
        dev.tocsin.schedule.Override override = entry.override();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", override.id());
        view.put("schedule_id", override.scheduleId());
        view.put("user_id", override.userId());
        view.put("replacing", override.replacing());
        view.put("start", override.start());
        view.put("end", override.end());
        view.put("reason", entry.reason());
        view.put("origin", entry.origin());
        view.put("origin_id", entry.originId());
        view.put("created_by", override.createdBy());
        view.put("created_at", override.createdAt());
        view.put("removed_by", entry.removedBy());
        view.put("removed_at", entry.removedAt());
        return view;
    }

    private Instant now() {
        return onCall.clock().instant();
    }
}
