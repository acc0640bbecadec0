package dev.tocsin.auth;

import dev.tocsin.store.Database;

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

/**
 * API tokens: 256 random bits, shown once, stored only as a SHA-256 hash. A slow password hash buys nothing
 * for a secret with that much entropy, and a fast one keeps every API call cheap.
 */
public final class TokenStore {
    public static final String TOKEN_PREFIX = "tcn_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    /** Hash → principal for tokens seen recently; revocation clears it. */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

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
        Principal cached = verified.get(hash);
        if (cached != null) return Optional.of(cached);
        Optional<Principal> found = database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT id, user_id, role FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Principal(rs.getString("user_id"),
                        Role.fromWireName(rs.getString("role")).orElse(Role.OBSERVER), rs.getString("id")))
                .findOne());
        found.ifPresent(principal -> verified.put(hash, principal));
        return found;
    }

    public boolean revoke(String tokenId) {
        int changed = database.writeAndWait(handle -> handle.createUpdate(
                        "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", clock.millis()).bind("id", tokenId).execute());
        verified.values().removeIf(principal -> principal.tokenId().equals(tokenId));
        return changed > 0;
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
