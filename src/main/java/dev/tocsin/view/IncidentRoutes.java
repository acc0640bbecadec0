package dev.tocsin.view;

import dev.tocsin.auth.Role;
import dev.tocsin.config.ConfigService;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.delivery.Notification;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident views of the API, read through {@link IncidentQueries}: {@code GET /api/v1/incidents} (filters,
 * cursor pagination), {@code /api/v1/incidents/{id}} (details), {@code /api/v1/incidents/{id}/paging} and
 * {@code /api/v1/notifications}. Actions on incidents are {@code respond.ResponderRoutes}.
 */
public final class IncidentRoutes implements Routes {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    public static final int DEFAULT_NOTIFICATIONS = 50;
    public static final int MAX_NOTIFICATIONS = 500;

    private final IncidentQueries queries;
    private final ConfigService config;
    private final Auth auth;

    public IncidentRoutes(IncidentQueries queries, ConfigService config, Auth auth) {
        this.queries = queries;
        this.config = config;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/incidents", this::list);
        routes.get("/api/v1/incidents/{id}", this::get);
        routes.get("/api/v1/incidents/{id}/paging", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(queries.paging(id(ctx)));
        });
        routes.get("/api/v1/notifications", this::notifications);
        routes.get("/api/v1/notifications/{id}", this::notification);
    }

    private void list(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        List<String> problems = new ArrayList<>();
        List<IncidentStatus> statuses = new ArrayList<>();
        List<dev.tocsin.incident.Hold.Reason> held = new ArrayList<>();
        for (String value : values(ctx, "status")) {
            if (value.equalsIgnoreCase("snoozed")) {
                held.add(dev.tocsin.incident.Hold.Reason.SNOOZE);
                continue;
            }
            if (value.equalsIgnoreCase("held")) {
                held.add(dev.tocsin.incident.Hold.Reason.SUPPORT_HOURS);
                held.add(dev.tocsin.incident.Hold.Reason.MAINTENANCE);
                continue;
            }
            if (value.equalsIgnoreCase("open")) {
                statuses.add(IncidentStatus.TRIGGERED);
                statuses.add(IncidentStatus.ACKNOWLEDGED);
                continue;
            }
            IncidentStatus.parse(value).ifPresentOrElse(statuses::add, () -> problems.add(
                    "status: '" + value + "' is not one of open, triggered, acknowledged, resolved, snoozed, held"));
        }
        List<Urgency> urgencies = new ArrayList<>();
        for (String value : values(ctx, "urgency")) {
            switch (value.toLowerCase()) {
                case "high" -> urgencies.add(Urgency.HIGH);
                case "low" -> urgencies.add(Urgency.LOW);
                default -> problems.add("urgency: '" + value + "' is not one of high, low");
            }
        }
        List<String> serviceIds = null;
        List<String> services = values(ctx, "service");
        List<String> teams = values(ctx, "team");
        if (!services.isEmpty() || !teams.isEmpty()) {
            serviceIds = new ArrayList<>(services);
            for (String team : teams) serviceIds.addAll(config.current().serviceIdsOfTeam(team));
        }
        int limit = DEFAULT_PAGE_SIZE;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > MAX_PAGE_SIZE) problems.add("limit: must be between 1 and " + MAX_PAGE_SIZE);
            } catch (NumberFormatException e) {
                problems.add("limit: '" + limitText + "' is not a number");
            }
        }
        Long before = null;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isBlank()) {
            before = decodeCursor(cursor);
            if (before == null) problems.add("cursor: '" + cursor + "' is not a cursor this server issued");
        }
        if (!problems.isEmpty()) throw ApiException.badRequest("invalid incident query", problems);
        IncidentFilter filter = new IncidentFilter(statuses, urgencies, serviceIds, ctx.queryParam("assigned_to"), held);
        List<Incident> page = queries.list(filter, before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", queries.withHolds(page));
        body.put("next_cursor", page.size() == limit ? encodeCursor(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    private void get(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        long id = id(ctx);
        IncidentDetails details = queries.details(id).orElseThrow(() -> ApiException.notFound("incident #" + id));
        com.fasterxml.jackson.databind.node.ObjectNode body = dev.tocsin.json.Json.mapper().valueToTree(details);
        dev.tocsin.incident.IncidentTriage.Merges merges = queries.merges(id);
        if (merges.mergedInto() != null) body.put("merged_into", merges.mergedInto());
        com.fasterxml.jackson.databind.node.ArrayNode mergedFrom = body.putArray("merged_from");
        merges.mergedFrom().forEach(mergedFrom::add);
        ctx.json(body);
    }

    private void notifications(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        int limit = DEFAULT_NOTIFICATIONS;
        String text = ctx.queryParam("limit");
        if (text != null) {
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: '" + text + "' is not a number");
            }
            if (limit < 1 || limit > MAX_NOTIFICATIONS) {
                throw ApiException.badRequest("limit: must be between 1 and " + MAX_NOTIFICATIONS);
            }
        }
        Long before = null;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isBlank()) {
            before = decodeCursor(cursor);
            if (before == null) throw ApiException.badRequest("cursor: '" + cursor + "' is not a cursor this server issued");
        }
        List<Notification> page = queries.notifications(ctx.queryParam("user"), before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifications", page);
        body.put("next_cursor", page.size() == limit ? encodeCursor(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    private void notification(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("notification id '" + ctx.pathParam("id") + "' is not a number");
        }
        Notification found = queries.notification(id).orElseThrow(() -> ApiException.notFound("notification " + id));
        ctx.json(found);
    }

    /** Accepts {@code 123} or {@code #123} (URL-encoded as %23123). */
    public static long id(Context ctx) {
        String text = ctx.pathParam("id").replaceFirst("^#", "");
        try {
            long id = Long.parseLong(text);
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("incident id '" + ctx.pathParam("id") + "' is not an incident number");
    }


    private static List<String> values(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) if (!part.isBlank()) values.add(part.strip());
        }
        return values;
    }

    private static String encodeCursor(long beforeId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("before:" + beforeId).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith("before:") ? Long.parseLong(text.substring(7)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
