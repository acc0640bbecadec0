package dev.tocsin.paging;

import dev.tocsin.http.RequestBodies;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.oncall.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/**
 * A person's contact methods through the API: listing them, test pages and contact-method verification. (Who is
 * paged for an incident and the notifications are {@code view.IncidentRoutes}; escalating is
 * {@code respond.ResponderRoutes}.)
 */
public final class ContactMethodRoutes implements Routes {
    private final TestPages tests;
    private final Auth auth;

    public ContactMethodRoutes(TestPages tests, Auth auth) {
        this.tests = tests;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/users/{user}/contact-methods", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            ctx.json(Map.of("contact_methods", tests.contactMethods(ctx.pathParam("user"))));
        });
        routes.post("/api/v1/users/{user}/test-page", ctx -> {
            Principal caller = selfOrAdmin(ctx);
            String via = Requests.text(RequestBodies.jsonObject(ctx), "via");
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
            String code = Requests.text(RequestBodies.jsonObject(ctx), "code");
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

}
