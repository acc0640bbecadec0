package dev.tocsin.followup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.RequestBodies;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;

import java.util.Map;

/** Follow-ups through the API: list, create from an incident's alert, close. */
public final class FollowUpRoutes implements Routes {
    private final FollowUps followUps;
    private final Auth auth;

    public FollowUpRoutes(FollowUps followUps, Auth auth) {
        this.followUps = followUps;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/follow_ups", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("follow_ups", followUps.list(!"false".equals(ctx.queryParam("open")), 200)));
        });
        routes.post("/api/v1/follow_ups", ctx -> {
            Principal caller = auth.require(ctx, Role.RESPONDER);
            JsonNode body = RequestBodies.jsonObject(ctx);
            JsonNode incident = body.path("incident");
            if (!incident.canConvertToLong() || incident.asLong() < 1) {
                throw ApiException.badRequest("incident: the number of an incident of the alert, e.g. {\"incident\": 12}");
            }
            String title = body.path("title").isTextual() ? body.path("title").asText() : null;
            ctx.status(201).json(Map.of("follow_up", followUps.create(incident.asLong(), title, caller.actor())));
        });
        routes.post("/api/v1/follow_ups/{id}/close", ctx -> {
            Principal caller = auth.require(ctx, Role.RESPONDER);
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("'" + ctx.pathParam("id") + "' is not a follow-up id");
            }
            ctx.json(Map.of("follow_up", followUps.close(id, caller.actor())));
        });
    }
}
