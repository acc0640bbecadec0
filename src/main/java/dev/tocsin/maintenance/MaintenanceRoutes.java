package dev.tocsin.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.RequestBodies;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/POST /api/v1/maintenance}, {@code GET/DELETE /api/v1/maintenance/{id}} and
 * {@code POST /api/v1/maintenance/{id}/end}: maintenance windows over REST. Starting and ending one needs the
 * responder role; reading, any role.
 */
public final class MaintenanceRoutes implements Routes {
    private final MaintenanceWindows windows;
    private final Auth auth;
    private final Clock clock;

    public MaintenanceRoutes(MaintenanceWindows windows, Auth auth, Clock clock) {
        this.windows = windows;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/maintenance", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            Instant now = clock.instant();
            ctx.json(Map.of("windows", windows.list(now).stream().map(window -> shown(window, now)).toList()));
        });
        routes.post("/api/v1/maintenance", this::create);
        routes.get("/api/v1/maintenance/{id}", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            long id = id(ctx);
            ctx.json(shown(windows.find(id).orElseThrow(() -> ApiException.notFound("maintenance window " + id)), clock.instant()));
        });
        routes.delete("/api/v1/maintenance/{id}", this::end);
        routes.post("/api/v1/maintenance/{id}/end", this::end);
    }

    private void create(Context ctx) {
        var principal = auth.require(ctx, Role.RESPONDER);
        JsonNode body = RequestBodies.jsonObject(ctx);
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        Instant from = instant(body, "from", problems);
        Instant to = instant(body, "to", problems);
        String forText = text(body, "for");
        if (forText != null) {
            if (to != null) problems.add("for: give either to or for, not both");
            try {
                java.time.Duration length = dev.tocsin.time.Durations.parse(forText);
                if (length.isZero() || length.isNegative()) problems.add("for: must be longer than 0");
                else to = (from == null ? now : from).plus(length);
            } catch (RuntimeException e) {
                problems.add("for: '" + forText + "' is not a duration like 30m, 2h or 1d");
            }
        }
        if (!problems.isEmpty()) throw ApiException.badRequest("cannot start the maintenance window", problems);
        MaintenanceWindow window = windows.create(new MaintenanceWindows.Request(text(body, "service"), text(body, "team"),
                from, to, text(body, "reason")), principal.actor(), now);
        ctx.status(201).json(shown(window, now));
    }

    private void end(Context ctx) {
        var principal = auth.require(ctx, Role.RESPONDER);
        Instant now = clock.instant();
        ctx.json(shown(windows.end(id(ctx), principal.actor(), now), now));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("maintenance window " + ctx.pathParam("id"));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode body, String field, List<String> problems) {
        String text = text(body, field);
        if (text == null) return null;
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.DateTimeException e) {
            problems.add(field + ": '" + text + "' is not an instant like 2027-03-29T08:00:00Z");
            return null;
        }
    }

    /** A window as the API shows it, with its state now. */
    static Map<String, Object> shown(MaintenanceWindow window, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", window.id());
        out.put("service", window.serviceId());
        out.put("team", window.teamId());
        out.put("from", window.from());
        out.put("to", window.end());
        out.put("planned_to", window.to());
        out.put("reason", window.reason());
        out.put("state", window.state(now));
        out.put("created_by", window.createdBy());
        out.put("created_at", window.createdAt());
        out.put("ended_by", window.endedBy());
        return out;
    }
}
