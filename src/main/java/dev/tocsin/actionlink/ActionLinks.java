package dev.tocsin.actionlink;

import dev.tocsin.auth.TokenStore;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import dev.tocsin.secret.ActionTokens;

/**
 * Signed, expiring, single-use action links for pages: {@code {public_url}/actions/{token}}.
 *
 * <p>"Signed" here means the server can tell a link it issued from one someone made up, without trusting
 * anything else the client sends. A token of 256 random bits does that on its own: it cannot be guessed, and
 * everything it stands for (incident, person, action, channel, expiry) lives in the database, not in the URL,
 * so there is nothing to tamper with. Only the token's SHA-256 hash is stored, so a copy of the table cannot
 * be used to act. An HMAC over fields carried in the URL would add a key to manage and rotate, and still need
 * a row to make the link single-use.
 */
public final class ActionLinks {
    /** How long a link works after it is sent. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /** Marks the token as Tocsin's, so secret scanners and people can tell what leaked. */
    public static final String TOKEN_PREFIX = ActionTokens.PREFIX;
    /** The path links live under. */
    public static final String PATH = "/actions/";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN_SHAPE = Pattern.compile(Pattern.quote(TOKEN_PREFIX) + "[A-Za-z0-9_-]{43}");

    /** What a withheld link's token is replaced with in stored and shown texts. */
    public static final String WITHHELD = ActionTokens.WITHHELD;

    /** The outcome of trying to spend a link: the link as it is now, and whether this attempt spent it. */
    public record Claim(ActionLink link, boolean claimed) {
    }

    private final Database database;
    private final Supplier<String> publicUrl;
    private final Duration lifetime;

    public ActionLinks(Database database, Supplier<String> publicUrl) {
        this(database, publicUrl, DEFAULT_LIFETIME);
    }

    public ActionLinks(Database database, Supplier<String> publicUrl, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
        this.database = Objects.requireNonNull(database, "database");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.lifetime = lifetime;
    }

    /**
     * Issues a link inside the caller's write transaction (pages are composed in the engine's transaction, so
     * a link exists exactly when the page that carries it was recorded) and returns its absolute URL.
     */
    public String create(Handle handle, long incidentId, String userId, LinkAction action, Channel channel, Instant now) {
        Objects.requireNonNull(userId, "userId");
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        handle.createUpdate("""
                        INSERT INTO action_links (token_hash, incident_id, user_id, action, channel, created_at, expires_at)
                        VALUES (:hash, :incident, :user, :action, :channel, :created, :expires)""")
                .bind("hash", TokenStore.hash(token)).bind("incident", incidentId).bind("user", userId)
                .bind("action", action.wireName()).bind("channel", channel.wireName())
                .bind("created", now.toEpochMilli()).bind("expires", now.plus(lifetime).toEpochMilli())
                .execute();
        return publicUrl.get() + PATH + token;
    }

    /** The link a token stands for, used or not; empty for a token Tocsin never issued. */
    public Optional<ActionLink> find(String token) {
        if (!wellFormed(token)) return Optional.empty();
        return database.jdbi().withHandle(handle -> find(handle, TokenStore.hash(token)));
    }

    /**
     * Spends the link if it is unused and unexpired at {@code now}. The conditional update makes this atomic:
     * of two clicks at once, on one node or two, exactly one gets {@code claimed}.
     */
    public Optional<Claim> claim(String token, Instant now) {
        if (!wellFormed(token)) return Optional.empty();
        String hash = TokenStore.hash(token);
        return database.writeAndWait(handle -> {
            int spent = handle.createUpdate("""
                            UPDATE action_links SET used_at = :now
                            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                    .bind("now", now.toEpochMilli()).bind("hash", hash).execute();
            return find(handle, hash).map(link -> new Claim(link, spent == 1));
        });
    }

    /**
     * Gives a link claimed at {@code usedAt} back, when the action it was claimed for failed for a reason
     * that was not the person's (storage down), so they can click again.
     */
    public void release(String token, Instant usedAt) {
        if (!wellFormed(token)) return;
        database.writeAndWait(handle -> handle.createUpdate(
                        "UPDATE action_links SET used_at = NULL WHERE token_hash = :hash AND used_at = :usedAt")
                .bind("hash", TokenStore.hash(token)).bind("usedAt", usedAt.toEpochMilli()).execute());
    }

    /** Deletes links that expired before {@code before}; for a periodic cleanup. Returns how many. */
    public int deleteExpired(Handle handle, Instant before) {
        return handle.createUpdate("DELETE FROM action_links WHERE expires_at < :before")
                .bind("before", before.toEpochMilli()).execute();
    }

    /** Tokens of the wrong shape are refused without a database lookup. */
    static boolean wellFormed(String token) {
        return token != null && TOKEN_SHAPE.matcher(token).matches();
    }

    private static Optional<ActionLink> find(Handle handle, String hash) {
        return handle.createQuery("""
                        SELECT incident_id, user_id, action, channel, created_at, expires_at, used_at
                        FROM action_links WHERE token_hash = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    long usedAt = rs.getLong("used_at");
                    boolean unused = rs.wasNull();
                    return new ActionLink(rs.getLong("incident_id"), rs.getString("user_id"),
                            LinkAction.fromWireName(rs.getString("action")).orElseThrow(),
                            Channel.fromWireName(rs.getString("channel")).orElseThrow(),
                            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                            unused ? null : Instant.ofEpochMilli(usedAt));
                })
                .findOne();
    }
}
