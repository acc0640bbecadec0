package dev.tocsin.calendar;

import dev.tocsin.auth.TokenStore;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret tokens in calendar feed URLs: 256 random bits, one live token per feed, stored only as a
 * SHA-256 hash (as {@link TokenStore} does for API tokens). Calendar apps poll a feed URL for months, so the
 * URL is a credential: it is shown when issued and can be rotated, which stops the old one at once.
 */
public final class FeedTokens {
    /** Distinguishes feed tokens from API tokens ({@code tcn_}) in logs and secret scanners. */
    public static final String TOKEN_PREFIX = "tcal_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public FeedTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Issues a new token for the feed, replacing any earlier one; returns the secret (shown once). */
    public String issue(FeedKind kind, String subjectId, Actor by) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        database.writeAndWait(handle -> handle.createUpdate("""
                        INSERT INTO calendar_feeds (kind, subject_id, token_hash, issued_at, issued_by)
                        VALUES (:kind, :subject, :hash, :now, :by)
                        ON CONFLICT (kind, subject_id) DO UPDATE
                        SET token_hash = excluded.token_hash, issued_at = excluded.issued_at, issued_by = excluded.issued_by""")
                .bind("kind", kind.wireName()).bind("subject", subjectId).bind("hash", TokenStore.hash(secret))
                .bind("now", clock.millis()).bind("by", by.toString())
                .execute());
        return secret;
    }

    /** When the feed's live token was issued, if it has one. */
    public Optional<Instant> issuedAt(FeedKind kind, String subjectId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT issued_at FROM calendar_feeds WHERE kind = :kind AND subject_id = :subject")
                .bind("kind", kind.wireName()).bind("subject", subjectId)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** True if {@code secret} is the feed's live token. */
    public boolean verify(FeedKind kind, String subjectId, String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) return false;
        Optional<String> stored = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT token_hash FROM calendar_feeds WHERE kind = :kind AND subject_id = :subject")
                .bind("kind", kind.wireName()).bind("subject", subjectId)
                .mapTo(String.class).findOne());
        // Constant-time comparison of the hashes, so response timing says nothing about the stored token.
        return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
                TokenStore.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }
}
