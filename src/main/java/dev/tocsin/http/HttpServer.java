package dev.tocsin.http;

import dev.tocsin.json.Json;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.StorageException;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The HTTP server: JSON, error rendering, request metrics, and the route groups it is given. */
public final class HttpServer implements AutoCloseable {
    /** Requests larger than this are refused before they are read (ingest endpoints enforce 512 KB themselves). */
    public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin javalin;
    private final List<String> endpoints = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Timer> requestTimers = new java.util.concurrent.ConcurrentHashMap<>();

    public HttpServer(String host, int port, MeterRegistry metrics, List<Routes> routeGroups) {
        this.javalin = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.events.handlerAdded(meta -> endpoints.add(meta.getHttpMethod() + " " + meta.getPath()));
            config.requestLogger.http((ctx, millis) -> requestTimer(metrics, ctx.method().toString(), endpointPath(ctx),
                    ctx.statusCode()).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS));
            config.routes.exception(ApiException.class, (e, ctx) -> {
                ctx.status(e.status()).json(errorBody(e.code(), e.getMessage(), e.details()));
            });
            config.routes.exception(Refusal.class, (e, ctx) -> {
                ctx.status(status(e.kind())).json(errorBody(e.code(), e.getMessage(), e.details()));
            });
            config.routes.exception(StorageException.class, (e, ctx) -> {
                log.warn("storage unavailable for {} {}: {}", ctx.method(), endpointPath(ctx), e.getMessage());
                ctx.status(503).header("Retry-After", "1")
                        .json(errorBody("unavailable", "storage is unavailable: " + e.getMessage(), List.of()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected failure in {} {}", ctx.method(), endpointPath(ctx), e);   // the route, never a token in the path
                ctx.status(500).json(errorBody("internal", "internal error; see the server log", List.of()));
            });
            config.routes.error(404, ctx -> {
                boolean unanswered = ctx.result() == null || ctx.result().isEmpty()
                        || ctx.result().startsWith("Endpoint ");   // the framework's own text for no route
                if (unanswered && wantsPage(ctx)) {
                    ctx.html(NOT_FOUND_PAGE);
                } else if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(errorBody("not_found", "no endpoint " + ctx.method() + " " + ctx.path(), List.of()));
                }
            });
            config.routes.before(HttpServer::refuseDeclaredOversize);
            for (Routes group : routeGroups) group.configure(config);
            for (Routes group : routeGroups) group.register(config.routes);
        });
    }

    private static final String NOT_FOUND_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Not found · Tocsin</title>"
            + "<link rel=\"stylesheet\" href=\"/static/tocsin.css\"></head><body><main class=\"narrow\"><h1>Not found</h1>"
            + "<p>There is no page here. <a href=\"/incidents\">Go to the incidents</a>.</p></main></body></html>";

    /** A browser asking for a page (not the API, not a client that wants JSON). */
    private static boolean wantsPage(io.javalin.http.Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html") && !ctx.path().startsWith("/api/")
                && !ctx.path().startsWith("/v2/") && !ctx.path().startsWith("/integrations/");
    }

    /**
     * Answers 413 at once, and closes the connection, when the declared {@code Content-Length} is over the limit —
     * also when it is over 2³¹, which the framework reads as "unknown" and would otherwise wait on until an idle
     * timeout, holding a connection per such request.
     */
    private static void refuseDeclaredOversize(io.javalin.http.Context ctx) {
        String declared = ctx.header("Content-Length");
        if (declared == null) return;
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;   // not a number at all: no body we could read either
        }
        if (length <= MAX_REQUEST_BYTES) return;
        ctx.header("Connection", "close");
        throw new ApiException(413, "too_large", "the request body is declared as " + declared.trim()
                + " bytes; the limit is " + MAX_REQUEST_BYTES + " (ingest endpoints take at most 512 KB)");
    }

    /** One timer per method, endpoint and status, looked up without building a meter id on every request. */
    private Timer requestTimer(MeterRegistry metrics, String method, String endpoint, int status) {
        return requestTimers.computeIfAbsent(method + ' ' + endpoint + ' ' + status, key -> Timer.builder("tocsin.http.requests")
                .description("HTTP request latency")
                .tag("method", method)
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(metrics));
    }

    private static String endpointPath(io.javalin.http.Context ctx) {
        try {
            return ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** The HTTP status of each kind of refusal. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 422;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    public static Map<String, Object> errorBody(String code, String message, List<String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) error.put("details", details);
        return Map.of("error", error);
    }

    /** Every endpoint registered, as "METHOD /path" (the OpenAPI test checks each is documented). */
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public HttpServer start() {
        javalin.start();
        return this;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
