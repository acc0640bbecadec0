package dev.tocsin.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.escalation.Target;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.IncidentRoutes;
import dev.tocsin.oncall.Requests;
import dev.tocsin.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paging through the API: escalate by hand, see who is paged for an incident and why (with every notification and
 * its delivery state), the recent notifications (where the {@code console} provider's pages can be read), test
 * pages and contact-method verification.
 */
public final class PagingRoutes implements Routes {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final Database database;
    private final Paging paging;
    private final TestPages tests;
    private final Auth auth;

    public PagingRoutes(Database database, Paging paging, TestPages tests, Auth auth) {
        this.database = database;
        this.paging = paging;
        this.tests = tests;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/incidents/{id}/paging", this::incidentPaging);
        routes.get("/api/v1/notifications", this::notifications);
        routes.get("/api/v1/notifications/{id}", this::notification);
        routes.get("/api/v1/users/{user}/contact-methods", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("contact_methods", tests.contactMethods(ctx.pathParam("user"))));
        });
        routes.post("/api/v1/users/{user}/test-page", ctx -> {
            Principal caller = selfOrAdmin(ctx);
            String via = Requests.text(Requests.body(ctx), "via");
            long id = tests.testPage(ctx.pathParam("user"), via, caller.actor());
            ctx.status(202).json(Map.of("notification_id", id, "status_url", "/api/v1/notifications/" + id));
        });
        routes.post("/api/v1/users/{user}/contact-methods/{method}/verification", ctx -> {
            selfOrAdmin(ctx);
            long id = tests.sendCode(ctx.pathParam("user"), ctx.pathParam("method"));
            ctx.status(202).json(Map.of("notification_id", id, "valid_minutes", TestPages.CODE_VALIDITY.toMinutes()));
        });
        routes.post("/api/v1/users/{user}/contact-methods/{method}/verification/confirm", ctx -> {
            selfOrAdmin(ctx);
            String code = Requests.text(Requests.body(ctx), "code");
            ctx.json(Map.of("verified_at", tests.confirm(ctx.pathParam("user"), ctx.pathParam("method"), code)));
        });
    }

    private Principal selfOrAdmin(Context ctx) {
        Principal caller = auth.require(ctx, Role.RESPONDER);
        if (!caller.role().includes(Role.ADMIN) && !caller.userId().equals(ctx.pathParam("user"))) {
            throw new ApiException(403, "forbidden", "only " + ctx.pathParam("user") + " or an admin may do this");
        }
        return caller;
    }

    private void incidentPaging(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        ctx.json(view(IncidentRoutes.id(ctx)));
    }

    /** Who is paged, at which level and why, and every notification with its delivery state. */
    public Map<String, Object> view(long incidentId) {
        return database.jdbi().withHandle(handle -> {
            if (paging.incidents().findIncident(handle, incidentId).isEmpty()) {
                throw ApiException.notFound("incident #" + incidentId);
            }
            Optional<EscalationState> state = paging.escalation(handle, incidentId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incident_id", incidentId);
            state.ifPresentOrElse(current -> {
                body.put("status", current.status().name().toLowerCase(java.util.Locale.ROOT));
                body.put("policy", current.policy().id());
                body.put("level", current.levelIndex() + 1);
                body.put("levels", current.policy().levels().size());
                body.put("round", current.round() + 1);
                body.put("rounds", current.rounds());
                body.put("escalates_at", current.escalatesAt());
                body.put("explanation", current.explain());
                body.put("paged", current.paged().stream().map(page -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("user", page.user());
                    out.put("level", page.level());
                    out.put("round", page.round());
                    out.put("target", page.target().toString());
                    out.put("reason", page.reason());
                    out.put("paged_at", page.pagedAt());
                    out.put("unreachable", page.unreachable());
                    return out;
                }).toList());
            }, () -> body.put("explanation", "this incident has not been paged"));
            body.put("notifications", paging.notifications(handle, incidentId).stream().map(Notification::shown).toList());
            return body;
        });
    }

    private void notifications(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        int limit = DEFAULT_LIMIT;
        String text = ctx.queryParam("limit");
        if (text != null) {
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: '" + text + "' is not a number");
            }
            if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("limit: must be between 1 and " + MAX_LIMIT);
        }
        String user = ctx.queryParam("user");
        int max = limit;
        List<Notification> found = database.jdbi().withHandle(handle -> paging.store().recent(handle, user, max));
        ctx.json(Map.of("notifications", found.stream().map(Notification::shown).toList()));
    }

    private void notification(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("notification id '" + ctx.pathParam("id") + "' is not a number");
        }
        ctx.json(database.jdbi().withHandle(handle -> paging.store().notification(handle, id)).map(Notification::shown)
                .orElseThrow(() -> ApiException.notFound("notification " + id)));
    }
}
