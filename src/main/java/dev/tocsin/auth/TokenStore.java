package dev.tocsin.auth;

import dev.tocsin.store.Database;
import dev.tocsin.store.Generations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API tokens: 256 random bits, shown once, stored only as a SHA-256 hash. A slow password hash buys nothing
 * for a secret with that much entropy, and a fast one keeps every API call cheap.
 *
 * <p>Verified tokens are cached, so an API call costs no database read. Only valid tokens are cached: a token
 * created on another node is found in the database at its first use. A revocation bumps the
 * {@value #GENERATION} generation in its transaction; {@link #refresh()} (run every second by the node's
 * refresher) sees the new generation and drops the whole cache, so a token revoked on one node stops
 * working on every node within the refresher's bound.
 */
public final class TokenStore {
    public static final String TOKEN_PREFIX = "tcn_";
    /** The {@link Generations} row that every revocation bumps. */
    public static final String GENERATION = "api_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Verified(Principal principal, long epoch) {
    }

    private final Database database;
    private final Clock clock;
    /** Hash → principal for tokens seen recently; an entry counts only while its epoch is the current one. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Moves on whenever the cache must be forgotten: a revocation here or one seen in the database. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile long seenGeneration = -1;

    public TokenStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public IssuedToken create(String userId, Role role, String label) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String id = "tok_" + HexFormat.of().formatHex(randomBytes(6));
        long now = clock.millis();
        database.writeAndWait(handle -> handle.createUpdate("""
                        INSERT INTO api_tokens (id, token_hash, user_id, role, label, created_at)
                        VALUES (:id, :hash, :user, :role, :label, :now)""")
                .bind("id", id).bind("hash", hash(secret)).bind("user", userId)
                .bind("role", role.wireName()).bind("label", label).bind("now", now)
                .execute());
        return new IssuedToken(id, secret, userId, role);
    }

    public Optional<Principal> verify(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) return Optional.empty();
        String hash = hash(secret);
        // The epoch is read before the database: if a revocation is noticed while this lookup runs, the entry
        // it leaves behind carries the old epoch and is never used.
        long lookupEpoch = epoch.get();
        Verified cached = verified.get(hash);
        if (cached != null && cached.epoch() == lookupEpoch) return Optional.of(cached.principal());
        Optional<Principal> found = database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT id, user_id, role FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Principal(rs.getString("user_id"),
                        Role.fromWireName(rs.getString("role")).orElse(Role.OBSERVER), rs.getString("id")))
                .findOne());
        found.ifPresent(principal -> verified.put(hash, new Verified(principal, lookupEpoch)));
        return found;
    }

    public boolean revoke(String tokenId) {
        int changed = database.writeAndWait(handle -> {
            int revoked = handle.createUpdate(
                            "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", clock.millis()).bind("id", tokenId).execute();
            if (revoked > 0) Generations.bump(handle, GENERATION);
            return revoked;
        });
        forget();
        return changed > 0;
    }

    /**
     * Drops the cache if a token was revoked (on any node) since the last call: one primary-key read.
     * Returns whether it did.
     */
    public synchronized boolean refresh() {
        long generation = database.jdbi().withHandle(handle -> Generations.read(handle, GENERATION));
        if (generation == seenGeneration) return false;
        seenGeneration = generation;
        forget();
        return true;
    }

    private void forget() {
        epoch.incrementAndGet();
        verified.clear();
    }

    public List<Map<String, Object>> list() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT id, user_id, role, label, created_at, revoked_at FROM api_tokens ORDER BY created_at""")
                .mapToMap().list());
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
