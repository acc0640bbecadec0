package dev.tocsin.respond;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.flag.Flags;
import dev.tocsin.handover.Handovers;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.RequestBodies;
import dev.tocsin.http.Routes;
import dev.tocsin.view.IncidentRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST adapter of the triage actions and of joining as responder: rename ({@code PATCH /api/v1/incidents/{id}}),
 * merge, split, join, handover (ask, accept, decline, list) and flags. Who may do what is decided by
 * {@link TriageActions} and {@link ResponderActions}.
 */
public final class TriageRoutes implements Routes {
    private final ResponderActions responders;
    private final TriageActions triage;
    private final Flags flags;
    private final Handovers handovers;
    private final Auth auth;

    public TriageRoutes(ResponderActions responders, TriageActions triage, Flags flags, Handovers handovers, Auth auth) {
        this.responders = responders;
        this.triage = triage;
        this.flags = flags;
        this.handovers = handovers;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.patch("/api/v1/incidents/{id}", this::rename);
        routes.post("/api/v1/incidents/{id}/merge", this::merge);
        routes.post("/api/v1/incidents/{id}/alerts/{alert}/split", this::split);
        routes.post("/api/v1/incidents/{id}/join", ctx -> changed(ctx, responders.join(act(ctx))));
        routes.post("/api/v1/incidents/{id}/handover", this::handOver);
        routes.post("/api/v1/incidents/{id}/handover/accept", ctx -> ctx.json(Map.of("handover", triage.acceptHandover(act(ctx)))));
        routes.post("/api/v1/incidents/{id}/handover/decline", ctx -> ctx.json(Map.of("handover", triage.declineHandover(act(ctx)))));
        routes.get("/api/v1/incidents/{id}/handovers", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("handovers", handovers.ofIncident(IncidentRoutes.id(ctx))));
        });
        routes.post("/api/v1/incidents/{id}/flag", this::flag);
        routes.get("/api/v1/flags", this::listFlags);
        routes.post("/api/v1/flags/{flag}/clear", ctx -> ctx.json(Map.of("flag", triage.clearFlag(
                Responder.of(auth.require(ctx, Role.OBSERVER)), Auth.channel(ctx), number(ctx.pathParam("flag"), "flag")))));
    }

    private Act act(Context ctx) {
        return responders.act(IncidentRoutes.id(ctx), Responder.of(auth.require(ctx, Role.OBSERVER)), Auth.channel(ctx));
    }

    private void rename(Context ctx) {
        Act act = act(ctx);
        JsonNode title = RequestBodies.jsonObject(ctx).path("title");
        if (!title.isTextual()) throw ApiException.badRequest("body must be {\"title\": \"<new title>\"}");
        changed(ctx, triage.rename(act, title.asText()));
    }

    private void merge(Context ctx) {
        Act act = act(ctx);
        JsonNode into = RequestBodies.jsonObject(ctx).path("into");
        long intoId;
        if (into.canConvertToLong() && into.isIntegralNumber()) {
            intoId = into.asLong();
        } else if (into.isTextual() && into.asText().trim().matches("#?\\d{1,18}")) {
            intoId = Long.parseLong(into.asText().trim().replace("#", ""));
        } else {
            throw ApiException.badRequest("body must be {\"into\": <incident number>}");
        }
        Outcome outcome = triage.merge(act, intoId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", outcome.sentence());
        body.put("merged", act.incidentId());
        body.put("incident", outcome.incident());
        ctx.json(body);
    }

    private void split(Context ctx) {
        Act act = act(ctx);
        Outcome outcome = triage.split(act, number(ctx.pathParam("alert"), "alert"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", outcome.sentence());
        body.put("from", act.incidentId());
        body.put("incident", outcome.incident());
        ctx.status(201).json(body);
    }

    private void handOver(Context ctx) {
        Act act = act(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx);
        JsonNode to = body.path("to");
        if (!to.isTextual() || to.asText().isBlank()) {
            throw ApiException.badRequest("body must be {\"to\": \"<user id>\", \"note\": \"…\"} (note optional)");
        }
        String note = body.path("note").isTextual() ? body.path("note").asText() : null;
        ctx.status(201).json(Map.of("handover", triage.handOver(act, to.asText().trim(), note)));
    }

    private void flag(Context ctx) {
        Act act = act(ctx);
        JsonNode note = RequestBodies.jsonObject(ctx).path("note");
        if (!note.isTextual() || note.asText().isBlank()) throw ApiException.badRequest("body must be {\"note\": \"<why>\"}");
        ctx.status(201).json(Map.of("flag", triage.flag(act, note.asText())));
    }

    private void listFlags(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        String open = ctx.queryParam("open");
        Boolean onlyOpen = open == null || open.isBlank() || open.equals("all") ? null
                : switch (open) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw ApiException.badRequest("open: true, false or all");
                };
        String incident = ctx.queryParam("incident");
        Long incidentId = incident == null || incident.isBlank() ? null : number(incident.replace("#", ""), "incident");
        ctx.json(Map.of("flags", flags.list(onlyOpen, incidentId)));
    }

    private static long number(String text, String what) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) return value;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(what + ": '" + text + "' is not a number");
    }

    private static void changed(Context ctx, Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incident", outcome.incident());
        body.put("changed", outcome.changed());
        body.put("message", outcome.changed() ? null : outcome.detail());
        ctx.json(body);
    }
}
