package dev.tocsin.notice;

import dev.tocsin.auth.Role;
import dev.tocsin.config.ConfigService;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/users/{id}/notices}: what a person was told or is about to be told, and how it went. Also
 * wakes the timer engine after every successful API write: overrides, cover and swap requests write their notices
 * (and the notices' timers) in the request's transaction, and this way they go out at once instead of when the
 * engine next looks ({@code TimerEngine.MAX_SLEEP}).
 */
public final class NoticeRoutes implements Routes {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final Database database;
    private final ConfigService config;
    private final Auth auth;
    private final Runnable wake;
    private final NoticeOutbox outbox = new NoticeOutbox();

    /** @param wake the timer engine's {@code wake()} */
    public NoticeRoutes(Database database, ConfigService config, Auth auth, Runnable wake) {
        this.database = database;
        this.config = config;
        this.auth = auth;
        this.wake = wake;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/users/{id}/notices", this::list);
        routes.after("/api/v1/*", ctx -> {
            if (ctx.method() != HandlerType.GET && ctx.statusCode() < 400) wake.run();
        });
    }

    private void list(Context ctx) {
        auth.require(ctx, Role.OBSERVER);
        String userId = ctx.pathParam("id");
        if (!config.current().hasUser(userId)) throw ApiException.notFound("user " + userId);
        int limit = DEFAULT_LIMIT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        int max = limit;
        List<Notice> notices = database.jdbi().withHandle(handle -> outbox.forUser(handle, userId, max));
        ctx.json(Map.of("notices", notices.stream().map(NoticeRoutes::describe).toList()));
    }

    private static Map<String, Object> describe(Notice notice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", notice.id());
        out.put("kind", notice.kind());
        out.put("status", notice.status().name().toLowerCase(Locale.ROOT));
        out.put("subject", notice.subject());
        out.put("body", notice.body());
        out.put("created_at", notice.createdAt());
        out.put("due_at", notice.dueAt());
        put(out, "sent_at", notice.sentAt());
        put(out, "failed_at", notice.failedAt());
        out.put("attempts", notice.attempts());
        if (notice.lastError() != null) out.put("last_error", notice.lastError());
        if (notice.channel() != null) out.put("channel", notice.channel());
        if (notice.dedupKey() != null) out.put("dedup_key", notice.dedupKey());
        return out;
    }

    private static void put(Map<String, Object> out, String key, Instant value) {
        if (value != null) out.put(key, value);
    }
}
