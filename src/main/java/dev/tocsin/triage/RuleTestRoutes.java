package dev.tocsin.triage;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.AlertTriageStore;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import io.javalin.config.RoutesConfig;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/rules/test} (the rule tester) and {@code GET /api/v1/services/{id}/suppressed} (the alerts
 * rules suppressed on a service). Observers may use both: nothing is changed.
 */
public final class RuleTestRoutes implements Routes {
    /** The most suppressed alerts one answer lists. */
    static final int SUPPRESSED_LIMIT = 100;
    /** Tested bodies are as large as ingest accepts. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final Supplier<Organisation> organisation;
    private final Database database;
    private final Auth auth;
    private final Clock clock;

    public RuleTestRoutes(Supplier<Organisation> organisation, Database database, Auth auth, Clock clock) {
        this.organisation = organisation;
        this.database = database;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/rules/test", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            byte[] body = ctx.bodyAsBytes();
            if (body.length > MAX_BODY_BYTES) throw Refusal.tooLarge("the body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
            ctx.json(RuleTestAnswer.of(RuleTester.test(organisation.get(), ctx.queryParam("key"), ctx.queryParam("format"),
                    ctx.queryParam("service"), body, clock.instant())));
        });
        routes.get("/api/v1/services/{id}/suppressed", ctx -> {
            auth.require(ctx, Role.OBSERVER);
            String serviceId = ctx.pathParam("id");
            if (organisation.get().service(serviceId).isEmpty()) throw Refusal.notFound("service '" + serviceId + "'");
            ctx.json(Map.of("suppressed", database.jdbi().withHandle(handle -> AlertTriageStore.suppressed(handle, serviceId, SUPPRESSED_LIMIT))));
        });
    }
}
