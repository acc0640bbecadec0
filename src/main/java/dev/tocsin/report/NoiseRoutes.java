package dev.tocsin.report;

import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recurring and noisy alerts through the API: {@code GET /api/v1/reports/noisy?days=7&limit=20} and
 * {@code GET /api/v1/incidents/{id}/history} (how often the incident's alert fired before, what fixed it last time).
 */
public final class NoiseRoutes implements Routes {
    private final NoisyAlerts noisy;
    private final AlertHistory history;
    private final Auth auth;
    private final Clock clock;

    public NoiseRoutes(NoisyAlerts noisy, AlertHistory history, Auth auth, Clock clock) {
        this.noisy = noisy;
        this.history = history;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/reports/noisy", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(noisy.report(number(ctx, "days", 7), number(ctx, "limit", NoisyAlerts.DEFAULT_LIMIT), clock.instant()));
        });
        routes.get("/api/v1/incidents/{id}/history", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            long id = incident(ctx.pathParam("id"));
            AlertHistory.History found = history.of(id, clock.instant());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incident_id", id);
            body.put("stats", found.stats());
            body.put("summary", found.stats().sentence());
            body.put("last_resolutions", found.lastResolutions());
            ctx.json(body);
        });
    }

    private static int number(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is not a whole number");
        }
    }

    private static long incident(String text) {
        String id = text.startsWith("#") ? text.substring(1) : text;
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + text + "' is not an incident number");
        }
    }
}
