package dev.tocsin.login;

import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side web sessions. The browser's cookie holds 256 random bits; the database only their SHA-256, so a
 * copy of the database signs nobody in. The anti-forgery (CSRF) token is derived from the cookie's secret, so it
 * needs no storage and cannot be computed by a page that cannot read the cookie (it is HttpOnly).
 */
public final class WebSessions {
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session just opened: the cookie's secret is shown this once. */
    public record Opened(String secret, WebSession session) {
    }

    private final Database database;
    private final Clock clock;

    public WebSessions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Opened open(String userId, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "tws_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        long id = database.writeAndWait(handle -> handle.createUpdate("""
                        INSERT INTO web_sessions (token_hash, user_id, role, created_at, expires_at)
                        VALUES (:hash, :user, :role, :now, :expires)""")
                .bind("hash", TokenStore.hash(secret)).bind("user", userId).bind("role", role.wireName())
                .bind("now", now).bind("expires", now + LIFETIME.toMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Opened(secret, new WebSession(id, userId, role, csrfToken(secret)));
    }

    /** The live session of this cookie secret, if any. */
    public Optional<WebSession> find(String secret) {
        if (secret == null || !secret.startsWith("tws_") || secret.length() > 100) return Optional.empty();
        long now = clock.millis();
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT id, user_id, role FROM web_sessions
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now""")
                .bind("hash", TokenStore.hash(secret)).bind("now", now)
                .map((rs, ctx) -> new WebSession(rs.getLong("id"), rs.getString("user_id"),
                        Role.fromWireName(rs.getString("role")).orElse(Role.OBSERVER), csrfToken(secret)))
                .findOne());
    }

    /** Ends this cookie's session (logging out). */
    public void close(String secret) {
        if (secret == null) return;
        long now = clock.millis();
        database.writeAndWait(handle -> handle.createUpdate(
                        "UPDATE web_sessions SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("now", now).bind("hash", TokenStore.hash(secret)).execute());
    }

    /** Ends every session of the user, in the caller's transaction. */
    static void revokeAll(Handle handle, String userId, long now) {
        handle.createUpdate("UPDATE web_sessions SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .bind("now", now).bind("user", userId).execute();
    }

    static String csrfToken(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("csrf:" + secret));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
