package dev.tocsin.heartbeat;

import dev.tocsin.http.RequestBodies;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /integrations/heartbeat/{id}} (the ping, POST or GET, authenticated by the heartbeat's own key if it has
 * one) and {@code /api/v1/heartbeats}: state for observers; create, replace and delete for admins, which edit the
 * configuration like {@code /api/v1/services} does (validated against the whole organisation, one revision each).
 */
public final class HeartbeatRoutes implements Routes {
    public static final String PING_PATH = "/integrations/heartbeat/{id}";

    private final Heartbeats heartbeats;
    private final HeartbeatEdits edits;
    private final Auth auth;

    public HeartbeatRoutes(Heartbeats heartbeats, HeartbeatEdits edits, Auth auth) {
        this.heartbeats = heartbeats;
        this.edits = edits;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        // GET too: cron one-liners are often "curl -fsS URL" or "wget -q -O- URL", which send GET.
        routes.post(PING_PATH, this::ping);
        routes.get(PING_PATH, this::ping);
        routes.get("/api/v1/heartbeats", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("heartbeats", heartbeats.list()));
        });
        routes.get("/api/v1/heartbeats/{id}", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("heartbeat", heartbeats.get(ctx.pathParam("id"))));
        });
        // The collection's GET is the state above, so the configuration's generic CRUD cannot serve heartbeats.
        routes.post("/api/v1/heartbeats", ctx -> {
            Principal caller = auth.require(ctx, Role.ADMIN);
            JsonNode body = RequestBodies.jsonObject(ctx);
            JsonNode id = body.get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank()) throw ApiException.badRequest("the body needs an \"id\"");
            HeartbeatEdits.Edit result = edits.put(id.asText(), body, true, caller.actor());
            ctx.status(201).json(edited(id.asText(), result));
        });
        routes.put("/api/v1/heartbeats/{id}", ctx -> {
            Principal caller = auth.require(ctx, Role.ADMIN);
            String id = ctx.pathParam("id");
            ctx.json(edited(id, edits.put(id, RequestBodies.jsonObject(ctx), false, caller.actor())));
        });
        routes.delete("/api/v1/heartbeats/{id}", ctx -> {
            Principal caller = auth.require(ctx, Role.ADMIN);
            HeartbeatEdits.Edit result = edits.delete(ctx.pathParam("id"), caller.actor());
            ctx.json(Map.of("deleted", true, "revision", result.revision(), "changes", result.changes()));
        });
    }

    private Map<String, Object> edited(String id, HeartbeatEdits.Edit result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heartbeat", heartbeats.get(id));
        body.put("revision", result.revision());
        body.put("changes", result.changes());
        return body;
    }


    private void ping(Context ctx) {
        String id = ctx.pathParam("id");
        var recorded = heartbeats.ping(id, presentedKey(ctx));
        ctx.future(() -> recorded.thenAccept(ping -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("heartbeat", ping.heartbeatId());
            body.put("previous_state", ping.previousState().wireName());
            body.put("due_at", ping.dueAt());
            if (ping.resolvedIncidentId() != null) body.put("resolved_incident_id", ping.resolvedIncidentId());
            ctx.json(body);
        }));
    }

    /** {@code ?key=…} or {@code Authorization: Bearer …}; null if neither. */
    private static String presentedKey(Context ctx) {
        String query = ctx.queryParam("key");
        if (query != null && !query.isEmpty()) return query;
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) return header.substring(7).trim();
        return null;
    }
}
