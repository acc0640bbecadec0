package dev.tocsin.http;

import dev.tocsin.json.Json;
import dev.tocsin.health.Vitals;
import dev.tocsin.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.Map;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the database answers and every vital thread runs) and
 * {@code /metrics}.
 */
public final class OperationsRoutes {
    private OperationsRoutes() {
    }

    public static Routes of(Database database, Vitals vitals, PrometheusMeterRegistry metrics, String version) {
        String openApi = Json.write(OpenApiDocument.load());
        return routes -> {
            routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "version", version)));
            routes.get("/readyz", ctx -> {
                List<String> dead = vitals.dead();
                if (!dead.isEmpty()) {
                    ctx.status(503).json(Map.of("status", "unavailable", "reason",
                            "vital thread(s) died: " + String.join(", ", dead) + "; this node accepts nothing and is exiting"));
                } else if (database.isReachable()) {
                    ctx.json(Map.of("status", "ready", "database", database.dialect().name().toLowerCase()));
                } else {
                    ctx.status(503).json(Map.of("status", "unavailable", "reason", "database is not reachable"));
                }
            });
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
        };
    }
}
