package dev.tocsin.respond;

import dev.tocsin.http.RequestBodies;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.escalation.Target;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.view.IncidentRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The REST adapter of the responder actions: {@code POST /api/v1/incidents/{id}/acknowledge}, {@code unacknowledge},
 * {@code resolve}, {@code escalate}, {@code reassign}, {@code responders} and {@code notes}. It authenticates the
 * token, parses the body and answers in JSON; who may do what is decided by {@link ResponderActions}.
 */
public final class ResponderRoutes implements Routes {
    private final ResponderActions actions;
    private final Auth auth;
    private final LongFunction<Object> paging;

    /** @param paging an incident's paging view, returned after an escalation */
    public ResponderRoutes(ResponderActions actions, Auth auth, LongFunction<Object> paging) {
        this.actions = actions;
        this.auth = auth;
        this.paging = paging;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/incidents/{id}/acknowledge", ctx -> changed(ctx, actions.acknowledge(act(ctx))));
        routes.post("/api/v1/incidents/{id}/unacknowledge", ctx -> changed(ctx, actions.unacknowledge(act(ctx))));
        routes.post("/api/v1/incidents/{id}/resolve", this::resolve);
        routes.post("/api/v1/incidents/{id}/escalate", this::escalate);
        routes.post("/api/v1/incidents/{id}/reassign", this::reassign);
        routes.post("/api/v1/incidents/{id}/responders", this::addResponder);
        routes.post("/api/v1/incidents/{id}/notes", this::addNote);
        routes.post("/api/v1/incidents/{id}/snooze", this::snooze);
    }

    /** The act a request asks for, refused (403) at once if the token's role may not act on incidents. */
    private Act act(Context ctx) {
        return actions.act(IncidentRoutes.id(ctx), Responder.of(auth.require(ctx, Role.OBSERVER)), Auth.channel(ctx));
    }

    private void escalate(Context ctx) {
        Act act = act(ctx);
        ManualEscalation how = new ManualEscalation.NextLevel();
        if (!ctx.body().isBlank()) {
            JsonNode to = RequestBodies.jsonObject(ctx).path("to");
            if (!to.isMissingNode() && !to.isNull()) how = new ManualEscalation.ToTarget(target("to", to));
        }
        escalated(ctx, act, actions.escalate(act, how));
    }

    /** Optional body {@code {"resolution": "what fixed it"}}. */
    private void resolve(Context ctx) {
        Act act = act(ctx);
        String resolution = null;
        if (!ctx.body().isBlank()) {
            JsonNode given = RequestBodies.jsonObject(ctx).path("resolution");
            if (!given.isMissingNode() && !given.isNull()) {
                if (!given.isTextual()) throw ApiException.badRequest("resolution: must be text (what fixed it)");
                resolution = given.asText();
            }
        }
        Outcome outcome = actions.resolve(act, resolution);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incident", outcome.incident());
        body.put("changed", outcome.changed());
        body.put("message", outcome.changed() ? null : outcome.detail());
        ctx.json(body);
    }

    private void addResponder(Context ctx) {
        Act act = act(ctx);
        escalated(ctx, act, actions.addResponder(act, target("target", RequestBodies.jsonObject(ctx).path("target"))));
    }

    private void reassign(Context ctx) {
        Act act = act(ctx);
        JsonNode users = RequestBodies.jsonObject(ctx).path("users");
        if (!users.isArray() || users.isEmpty()) {
            throw ApiException.badRequest("body must be {\"users\": [\"<user id>\", …]} with at least one user");
        }
        List<String> userIds = new ArrayList<>();
        for (JsonNode user : users) userIds.add(user.isTextual() ? user.asText() : user.toString());
        changed(ctx, actions.reassign(act, userIds));
    }

    /** {@code {"for": "2h"}}, {@code {"until": "support_hours"}} or {@code {"until": "2027-03-29T08:00:00Z"}}. */
    private void snooze(Context ctx) {
        Act act = act(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx);
        JsonNode duration = body.path("for");
        JsonNode until = body.path("until");
        boolean hasFor = !duration.isMissingNode() && !duration.isNull();
        boolean hasUntil = !until.isMissingNode() && !until.isNull();
        if (hasFor == hasUntil) {
            throw ApiException.badRequest("body must be {\"for\": \"2h\"} or {\"until\": \"support_hours\" | \"<instant>\"}");
        }
        Snooze how;
        if (hasFor) {
            try {
                how = new Snooze.For(dev.tocsin.time.Durations.parse(duration.asText()));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("for: '" + duration.asText() + "' is not a duration like 30m, 2h or 1d");
            }
        } else if (until.asText().equals("support_hours")) {
            how = new Snooze.UntilSupportHours();
        } else {
            try {
                how = new Snooze.Until(java.time.OffsetDateTime.parse(until.asText()).toInstant());
            } catch (java.time.DateTimeException e) {
                throw ApiException.badRequest("until: '" + until.asText() + "' is neither support_hours nor an instant like 2027-03-29T08:00:00Z");
            }
        }
        Outcome outcome = actions.snooze(act, how);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident", outcome.incident());
        answer.put("changed", true);
        answer.put("message", outcome.sentence());
        answer.put("snoozed_until", outcome.detail().substring("snoozed until ".length()));
        ctx.json(answer);
    }

    private void addNote(Context ctx) {
        Act act = act(ctx);
        String text = RequestBodies.jsonObject(ctx).path("text").asText("").strip();
        if (text.isEmpty()) throw ApiException.badRequest("body must be {\"text\": \"<note>\"} with a non-empty text");
        ctx.status(201).json(Map.of("entry", actions.addNote(act, text).entry()));
    }

    private static Target target(String field, JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        return Target.parse(text).orElseThrow(() -> ApiException.badRequest(
                field + ": '" + text + "' is not user:ID, schedule:ID or team:ID"));
    }

    private static void changed(Context ctx, Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incident", outcome.incident());
        body.put("changed", outcome.changed());
        body.put("message", outcome.changed() ? null : outcome.detail());
        ctx.json(body);
    }

    private void escalated(Context ctx, Act act, Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", outcome.detail());
        body.put("changed", outcome.changed());
        body.put("incident", outcome.incident());
        body.put("paging", paging.apply(act.incidentId()));
        ctx.json(body);
    }
}
