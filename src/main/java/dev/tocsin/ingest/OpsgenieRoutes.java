package dev.tocsin.ingest;

import dev.tocsin.config.Organisation;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.AlertLookup;
import dev.tocsin.json.Json;
import dev.tocsin.respond.ResponderActions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Opsgenie's Alert API on Tocsin, so that Alertmanager's {@code opsgenie_configs} and Grafana's Opsgenie contact
 * point only change their API URL: create ({@code POST /v2/alerts}), acknowledge, close and add a note
 * ({@code POST /v2/alerts/{identifier}/acknowledge|close|notes}, {@code ?identifierType=id|alias|tiny}).
 * Authenticated by {@code Authorization: GenieKey <key>}; every answer carries Opsgenie's {@code took} and
 * {@code requestId}. Bodies are limited as on the other ingest endpoints.
 */
public final class OpsgenieRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(OpsgenieRoutes.class);

    private final OpsgenieHandlers handlers;
    private final IngestMetrics metrics;
    private final Clock clock;

    public OpsgenieRoutes(Supplier<Organisation> organisation, AlertIntake intake, AlertLookup alerts,
                          ResponderActions responders, Clock clock, MeterRegistry registry) {
        this.metrics = new IngestMetrics(registry);
        this.handlers = new OpsgenieHandlers(organisation, intake, alerts, responders, metrics);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        String alerts = Endpoint.OPSGENIE.path;
        routes.post(alerts, ctx -> handle(ctx, (body, now) -> handlers.create(ctx.header("Authorization"), body, now)));
        routes.post(alerts + "/{identifier}/acknowledge", ctx -> handle(ctx, (body, now) -> handlers.act(
                AlertAction.ACKNOWLEDGE, ctx.pathParam("identifier"), ctx.queryParam("identifierType"),
                ctx.header("Authorization"), body, now)));
        routes.post(alerts + "/{identifier}/close", ctx -> handle(ctx, (body, now) -> handlers.act(
                AlertAction.RESOLVE, ctx.pathParam("identifier"), ctx.queryParam("identifierType"),
                ctx.header("Authorization"), body, now)));
        routes.post(alerts + "/{identifier}/notes", ctx -> handle(ctx, (body, now) -> handlers.addNote(
                ctx.pathParam("identifier"), ctx.queryParam("identifierType"), ctx.header("Authorization"), body, now)));
    }

    private void handle(Context ctx, BiFunction<byte[], Instant, CompletableFuture<Reply>> handler) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        Instant receivedAt = clock.instant();
        long declared = ctx.contentLength();
        if (declared > Reply.MAX_BODY_BYTES) {
            metrics.rejected(Endpoint.OPSGENIE, "too_large");
            write(ctx, OpsgenieReplies.tooLarge(declared), requestId, started);
            return;
        }
        byte[] body;
        try {
            body = ctx.bodyInputStream().readNBytes(Reply.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            metrics.rejected(Endpoint.OPSGENIE, "unreadable");
            write(ctx, OpsgenieReplies.error(400, "The request body could not be read", Map.of("body", String.valueOf(e.getMessage()))),
                    requestId, started);
            return;
        }
        if (body.length > Reply.MAX_BODY_BYTES) {
            metrics.rejected(Endpoint.OPSGENIE, "too_large");
            write(ctx, OpsgenieReplies.tooLarge(-1), requestId, started);
            return;
        }
        String notUtf8 = Utf8.problem(body);
        if (notUtf8 != null) {
            metrics.rejected(Endpoint.OPSGENIE, "not_utf8");
            write(ctx, OpsgenieReplies.error(400, "Invalid JSON body", Map.of("body", "not valid UTF-8: " + notUtf8)),
                    requestId, started);
            return;
        }
        ctx.future(() -> handler.apply(body, receivedAt)
                .exceptionally(error -> {
                    log.error("opsgenie: unexpected failure", error);
                    return OpsgenieReplies.internalError();
                })
                .thenAccept(reply -> write(ctx, reply, requestId, started)));
    }

    /** Opsgenie's envelope: the reply's fields, then {@code took} (seconds) and {@code requestId}, then {@code data}. */
    private static void write(Context ctx, Reply reply, String requestId, long started) {
        Map<String, Object> body = new LinkedHashMap<>();
        reply.body().forEach((field, value) -> {
            if (!field.equals("data")) body.put(field, value);
        });
        body.put("took", Math.round((System.nanoTime() - started) / 1_000_000.0) / 1000.0);
        body.put("requestId", requestId);
        if (reply.body().containsKey("data")) body.put("data", reply.body().get("data"));
        ctx.status(reply.status());
        ctx.header("X-Request-ID", requestId);
        if (reply.retryAfterSeconds() != null) ctx.header("Retry-After", Long.toString(reply.retryAfterSeconds()));
        if (reply.status() == 429) {
            // Opsgenie's rate-limit headers, which its clients read
            ctx.header("X-RateLimit-State", "THROTTLED");
            ctx.header("X-RateLimit-Reason", "INTEGRATION");
            ctx.header("X-RateLimit-Period-In-Sec", "1");
        }
        ctx.contentType("application/json").result(Json.write(body));
    }
}
