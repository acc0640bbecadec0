package dev.tocsin.config;

import dev.tocsin.http.RequestBodies;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Flags;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/config/apply}, {@code /api/v1/config/export}, {@code /api/v1/config/revisions} and CRUD for
 * users, teams, schedules, escalation policies and services. Observers read; admins change.
 */
public final class ConfigRoutes implements Routes {
    /** Kinds edited one object at a time through the API (providers only through apply). */
    static final List<Kind> EDITABLE = List.of(Kind.USER, Kind.TEAM, Kind.SCHEDULE, Kind.ESCALATION_POLICY, Kind.SERVICE);
    static final int DEFAULT_REVISIONS = 50;

    private final ConfigService config;
    private final Auth auth;

    public ConfigRoutes(ConfigService config, Auth auth) {
        this.config = config;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/config/apply", this::apply);
        routes.get("/api/v1/config/export", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.contentType("application/yaml; charset=utf-8").result(config.exportYaml());
        });
        routes.get("/api/v1/config/revisions", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("revisions", config.revisions(DEFAULT_REVISIONS)));
        });
        for (Kind kind : EDITABLE) {
            String collection = "/api/v1/" + kind.section();
            routes.get(collection, ctx -> {
                auth.require(ctx, Role.OBSERVER);
                ctx.json(Map.of(kind.section(), config.list(kind)));
            });
            routes.get(collection + "/{id}", ctx -> {
                auth.require(ctx, Role.OBSERVER);
                String id = ctx.pathParam("id");
                ctx.json(Map.of(kind.singular(), config.get(kind, id)
                        .orElseThrow(() -> ApiException.notFound(kind.singular() + " '" + id + "'"))));
            });
            routes.post(collection, ctx -> {
                Principal caller = auth.require(ctx, Role.ADMIN);
                JsonNode body = RequestBodies.jsonObject(ctx);
                JsonNode id = body.get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw ApiException.badRequest("the body needs an \"id\"");
                }
                ApplyResult result = config.put(kind, id.asText(), body, true, caller.actor());
                ctx.status(201).json(objectResponse(kind, id.asText(), result));
            });
            routes.put(collection + "/{id}", ctx -> {
                Principal caller = auth.require(ctx, Role.ADMIN);
                String id = ctx.pathParam("id");
                ApplyResult result = config.put(kind, id, RequestBodies.jsonObject(ctx), false, caller.actor());
                ctx.json(objectResponse(kind, id, result));
            });
            routes.delete(collection + "/{id}", ctx -> {
                Principal caller = auth.require(ctx, Role.ADMIN);
                ApplyResult result = config.delete(kind, ctx.pathParam("id"), caller.actor());
                ctx.json(Map.of("deleted", true, "revision", result.revision(), "changes", result.changes()));
            });
        }
    }

    private void apply(Context ctx) {
        Principal caller = auth.require(ctx, Role.ADMIN);
        boolean dryRun = Flags.query(ctx, "dry_run", false);
        boolean prune = Flags.query(ctx, "prune", true);
        JsonNode body = RequestBodies.jsonObject(ctx);
        JsonNode yaml = body.get("yaml");
        if (yaml == null || !yaml.isTextual()) throw ApiException.badRequest("the body needs \"yaml\": the configuration text");
        String source = body.path("source").isTextual() && !body.path("source").asText().isBlank()
                ? body.get("source").asText() : "request";
        Map<String, String> env = new HashMap<>();
        JsonNode envNode = body.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) throw ApiException.badRequest("\"env\" must be an object of NAME: value");
            for (Iterator<Map.Entry<String, JsonNode>> it = envNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                if (!variable.getValue().isValueNode() || variable.getValue().isNull()) {
                    throw ApiException.badRequest("env." + variable.getKey() + " must be a string");
                }
                env.put(variable.getKey(), variable.getValue().asText());
            }
        }
        ApplyResult result;
        try {
            result = config.apply(yaml.asText(), source, env, dryRun, prune, caller.actor());
        } catch (ConfigException e) {
            throw new ApiException(400, "invalid_config", e.summary(), e.problems());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("applied", result.applied());
        response.put("dry_run", result.dryRun());
        response.put("revision", result.revision());
        response.put("changes", result.changes());
        response.put("unchanged", result.unchanged());
        response.put("summary", result.summary());
        ctx.json(response);
    }

    private Map<String, Object> objectResponse(Kind kind, String id, ApplyResult result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(kind.singular(), config.get(kind, id).orElseThrow());
        response.put("revision", result.revision());
        response.put("changes", result.changes());
        return response;
    }
}
