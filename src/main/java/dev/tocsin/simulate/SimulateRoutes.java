package dev.tocsin.simulate;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Service;
import dev.tocsin.time.Durations;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/v1/services/{id}/simulate?at=&ack_after=&urgency=}: who would be notified when and how if the
 * service's incident opened at {@code at}, computed by the paging engine's own interpreter on a virtual clock,
 * sending nothing. Round-robin levels start from the policy's stored turns, which the simulation reads and never
 * moves. Observers may ask. A local date-time is read in the zone of the first schedule the policy names, else UTC.
 */
public final class SimulateRoutes implements Routes {
    public static final Urgency DEFAULT_URGENCY = Urgency.HIGH;

    private final OnCallService onCall;
    private final Auth auth;
    private final Function<String, Map<Integer, Integer>> cursors;

    /** @param cursors policy id → its stored round-robin positions (0-based level index → position of the next turn) */
    public SimulateRoutes(OnCallService onCall, Auth auth, Function<String, Map<Integer, Integer>> cursors) {
        this.onCall = onCall;
        this.auth = auth;
        this.cursors = cursors;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/services/{id}/simulate", this::simulate);
    }

    private void simulate(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        Organisation organisation = onCall.organisation();
        String serviceId = ctx.pathParam("id");
        Service service = organisation.service(serviceId).orElseThrow(() -> ApiException.notFound("service '" + serviceId + "'"));
        if (service.escalationPolicy() == null) {
            throw ApiException.conflict("service '" + serviceId + "' has no escalation policy: nobody would be paged");
        }
        EscalationPolicy policy = organisation.escalationPolicy(service.escalationPolicy())
                .orElseThrow(() -> ApiException.notFound("escalation policy '" + service.escalationPolicy() + "'"));
        ZoneId zone = zone(organisation, policy);
        Instant at = Times.parseOr("at", ctx.queryParam("at"), zone, onCall.clock().instant());
        Duration ackAfter = duration(ctx.queryParam("ack_after"));
        Urgency urgency = urgency(ctx.queryParam("urgency"));
        Simulation.Result result = Simulation.run(policy, organisation::user, onCall.targetResolver(), urgency, at, ackAfter,
                cursors.apply(policy.id()));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_id", service.id());
        body.put("escalation_policy_id", policy.id());
        body.put("at", at);
        body.put("timezone", zone.getId());
        body.put("local_time", Times.human(at, zone));
        body.put("urgency", urgency);
        body.put("ack_after", ackAfter == null ? null : Durations.format(ackAfter));
        body.put("steps", result.steps().stream().map(SimulateRoutes::view).toList());
        body.put("round_robin", result.roundRobin().stream().map(turn -> view(turn, at)).toList());
        body.put("cannot_know", result.cannotKnow());
        ctx.json(body);
    }

    private static Map<String, Object> view(Simulation.RoundRobinTurn turn, Instant start) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("level", turn.level());
        view.put("stored_position", turn.cursor());
        view.put("user", turn.user());
        view.put("turn", turn.turn());
        view.put("of", turn.of());
        view.put("at", turn.at());
        view.put("offset", turn.at() == null ? null : offset(Duration.between(start, turn.at())));
        return view;
    }

    private static Map<String, Object> view(SimulatedStep step) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("offset", offset(step.offset()));
        view.put("offset_seconds", step.offset().toSeconds());
        view.put("at", step.at());
        view.put("kind", step.kind().wireName());
        if (step.kind() == SimulatedStep.Kind.NOTIFY) {
            view.put("user", step.user());
            view.put("contact_method", Map.of("id", step.method().id(), "type", step.method().type()));
            view.put("level", step.level());
            view.put("round", step.round());
        } else {
            view.put("event", step.event());
            view.put("message", step.message());
        }
        return view;
    }

    /** {@code +0m}, {@code +2m}, {@code +1h15m}. */
    public static String offset(Duration offset) {
        return "+" + Durations.format(offset);
    }

    /** The zone of the first schedule the policy names (level by level), else UTC. */
    static ZoneId zone(Organisation organisation, EscalationPolicy policy) {
        for (EscalationLevel level : policy.levels()) {
            for (Target target : level.targets()) {
                if (target.kind() != Target.Kind.SCHEDULE) continue;
                var schedule = organisation.schedule(target.id());
                if (schedule.isPresent()) return schedule.map(Schedule::timezone).orElseThrow();
            }
        }
        return ZoneOffset.UTC;
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("ack_after: " + e.getMessage());
        }
    }

    private static Urgency urgency(String text) {
        if (text == null || text.isBlank()) return DEFAULT_URGENCY;
        for (Urgency urgency : Urgency.values()) if (urgency.wireName().equals(text.strip())) return urgency;
        throw ApiException.badRequest("urgency: '" + text + "' is not high or low");
    }
}
