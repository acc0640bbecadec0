package dev.tocsin.ingest;

import dev.tocsin.config.Organisation;
import dev.tocsin.json.Json;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.AlertIntake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The alert ingestion endpoints (PagerDuty Events v2, v1 and change events, Alertmanager, Grafana, generic JSON).
 * Authenticated by their integration key alone. Bodies are limited to {@link #MAX_BODY_BYTES}; the answer is
 * written when the intake's future completes, without holding a server thread while the group commit runs.
 */
public final class IngestRoutes implements Routes {
    /** Larger bodies are answered 413 (checked on Content-Length before reading, and on the bytes read). */
    public static final int MAX_BODY_BYTES = Reply.MAX_BODY_BYTES;

    private static final Logger log = LoggerFactory.getLogger(IngestRoutes.class);

    private final IngestHandlers handlers;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestRoutes(Supplier<Organisation> organisation, AlertIntake intake, Clock clock, MeterRegistry registry) {
        this.metrics = new IngestMetrics(registry);
        this.handlers = new IngestHandlers(organisation, intake, metrics);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(Endpoint.EVENTS_V2.path, ctx -> handle(ctx, Endpoint.EVENTS_V2, handlers::eventsV2));
        routes.post(Endpoint.EVENTS_V1.path, ctx -> handle(ctx, Endpoint.EVENTS_V1, handlers::eventsV1));
        routes.post(Endpoint.CHANGE.path, ctx -> handle(ctx, Endpoint.CHANGE, handlers::change));
        routes.post(Endpoint.ALERTMANAGER.path, ctx -> handle(ctx, Endpoint.ALERTMANAGER,
                (body, now) -> handlers.alertmanager(ctx.pathParam("key"), body, now)));
        routes.post(Endpoint.GRAFANA.path, ctx -> handle(ctx, Endpoint.GRAFANA,
                (body, now) -> handlers.grafana(ctx.pathParam("key"), body,
                        ctx.header(GrafanaSignature.SIGNATURE_HEADER), timestampHeader(ctx), now)));
        routes.post(Endpoint.GENERIC.path, ctx -> handle(ctx, Endpoint.GENERIC,
                (body, now) -> handlers.generic(ctx.pathParam("key"), body, now)));
    }

    private void handle(Context ctx, Endpoint endpoint, BiFunction<byte[], Instant, CompletableFuture<Reply>> handler) {
        Instant receivedAt = clock.instant();
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            metrics.rejected(endpoint, "too_large");
            write(ctx, Reply.tooLarge(declared));
            return;
        }
        byte[] body;
        try {
            body = readAtMost(ctx.bodyInputStream(), MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            metrics.rejected(endpoint, "unreadable");
            write(ctx, Reply.of(400, "Unrecognized object", "The request body could not be read", List.of(String.valueOf(e.getMessage()))));
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            metrics.rejected(endpoint, "too_large");
            write(ctx, Reply.tooLarge(-1));
            return;
        }
        String notUtf8 = Utf8.problem(body);
        if (notUtf8 != null) {
            // A lenient decoder would read overlong forms (C0 AE = '.') or replace bad bytes, so two different keys
            // could become one; refuse instead of guessing.
            metrics.rejected(endpoint, "not_utf8");
            write(ctx, Reply.of(400, "Unrecognized object", "The request body is not valid UTF-8", List.of(notUtf8)));
            return;
        }
        ctx.future(() -> handler.apply(body, receivedAt)
                .exceptionally(error -> {
                    log.error("{}: unexpected failure", endpoint.metricName, error);
                    return Reply.of(500, "error", "Internal error; see the server log", List.of());
                })
                .thenAccept(reply -> write(ctx, reply)));
    }

    private static String timestampHeader(Context ctx) {
        for (String name : GrafanaSignature.TIMESTAMP_HEADERS) {
            String value = ctx.header(name);
            if (value != null && !value.isBlank()) return value;
        }
        return null;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        if (reply.retryAfterSeconds() != null) ctx.header("Retry-After", Long.toString(reply.retryAfterSeconds()));
        ctx.contentType("application/json").result(Json.write(reply.body()));
    }
}
