package dev.tocsin.oncall;

import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only questions about who is on call: per schedule, service and escalation policy; shifts of a schedule
 * or a user; gaps. Observers may ask. Local date-times in parameters are read in the schedule's zone (the
 * user's for a user's shifts, UTC otherwise).
 */
public final class OnCallRoutes implements Routes {
    public static final int DEFAULT_GAP_DAYS = 14;
    public static final int MAX_GAP_DAYS = 366;

    private final OnCallService onCall;
    private final OnCallQueries queries;
    private final Auth auth;

    public OnCallRoutes(OnCallService onCall, Auth auth) {
        this.onCall = onCall;
        this.queries = new OnCallQueries(onCall);
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/schedules/{id}/oncall", this::scheduleOnCall);
        routes.get("/api/v1/services/{id}/oncall", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            Instant at = Requests.at(ctx::queryParam, ZoneOffset.UTC, now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("service_id", ctx.pathParam("id"));
            body.put("at", at);
            body.put("users", List.copyOf(queries.forService(ctx.pathParam("id"), at)));
            ctx.json(body);
        });
        routes.get("/api/v1/escalation_policies/{id}/oncall", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            Instant at = Requests.at(ctx::queryParam, ZoneOffset.UTC, now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("escalation_policy_id", ctx.pathParam("id"));
            body.put("at", at);
            body.put("levels", queries.forPolicy(ctx.pathParam("id"), at));
            ctx.json(body);
        });
        routes.get("/api/v1/schedules/{id}/shifts", this::scheduleShifts);
        routes.get("/api/v1/users/{id}/shifts", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            String userId = ctx.pathParam("id");
            var zone = onCall.organisation().user(userId).map(user -> user.timezone())
                    .orElseThrow(() -> ApiException.notFound("user '" + userId + "'"));
            Requests.Range range = Requests.range(ctx::queryParam, zone, now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user_id", userId);
            body.put("from", range.from());
            body.put("to", range.to());
            body.put("shifts", queries.shiftsOfUser(userId, range.from(), range.to()));
            ctx.json(body);
        });
        routes.get("/api/v1/gaps", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            int days = days(ctx.queryParam("days"));
            Instant from = now();
            Instant to = from.plus(Duration.ofDays(days));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", from);
            body.put("to", to);
            body.put("days", days);
            body.put("gaps", queries.gaps(from, to).stream().map(gap -> Map.of(
                    "schedule_id", gap.scheduleId(), "start", gap.start(), "end", gap.end())).toList());
            ctx.json(body);
        });
    }

    private void scheduleOnCall(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        Schedule schedule = onCall.schedule(ctx.pathParam("id"));
        Instant at = Requests.at(ctx::queryParam, schedule.timezone(), now());
        OnCall computed = onCall.forSchedule(schedule.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule_id", schedule.id());
        body.put("at", at);
        body.put("users", Requests.sorted(computed.at(at)));
        computed.previous(at).ifPresent(shift -> body.put("previous", Requests.shift(shift)));
        computed.next(at).ifPresent(shift -> body.put("next", Requests.shift(shift)));
        ctx.json(body);
    }

    private void scheduleShifts(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        Schedule schedule = onCall.schedule(ctx.pathParam("id"));
        Requests.Range range = Requests.range(ctx::queryParam, schedule.timezone(), now());
        String userId = ctx.queryParam("user");
        if (userId != null && !onCall.organisation().hasUser(userId)) {
            throw ApiException.badRequest("user: '" + userId + "' is not a configured user");
        }
        OnCall computed = onCall.forSchedule(schedule.id());
        List<Shift> shifts = userId == null ? computed.shifts(range.from(), range.to())
                : computed.shiftsOf(userId, range.from(), range.to());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule_id", schedule.id());
        body.put("timezone", schedule.timezone().getId());
        body.put("from", range.from());
        body.put("to", range.to());
        body.put("shifts", shifts.stream().map(Requests::shift).toList());
        ctx.json(body);
    }

    static int days(String text) {
        if (text == null || text.isBlank()) return DEFAULT_GAP_DAYS;
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1 && days <= MAX_GAP_DAYS) return days;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("days: must be a whole number from 1 to " + MAX_GAP_DAYS);
    }

    private Instant now() {
        return onCall.clock().instant();
    }
}
