package dev.tocsin.login;

import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time invitations to the web UI: an admin creates a link for a person and a role; whoever opens it chooses the
 * person's password and is signed in. The link's secret (256 random bits) is shown once; only its SHA-256 is kept.
 * An invitation lasts {@link #LIFETIME}, works once, and a newer one for the same person replaces it.
 */
public final class WebInvites {
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "twi_";

    /** A live invitation: for whom, with which role, until when. */
    public record Invite(String userId, Role role, Instant expiresAt) {
    }

    /** An invitation just made: its secret is shown this once. */
    public record Issued(String secret, Invite invite) {
    }

    private final Database database;
    private final WebLogins logins;
    private final Clock clock;

    public WebInvites(Database database, WebLogins logins, Clock clock) {
        this.database = database;
        this.logins = logins;
        this.clock = clock;
    }

    public Issued create(String userId, Role role, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        long expires = now + LIFETIME.toMillis();
        database.writeAndWait(handle -> {
            handle.createUpdate("DELETE FROM web_invites WHERE user_id = :user AND used_at IS NULL").bind("user", userId).execute();
            return handle.createUpdate("""
                            INSERT INTO web_invites (token_hash, user_id, role, created_by, created_at, expires_at)
                            VALUES (:hash, :user, :role, :by, :now, :expires)""")
                    .bind("hash", TokenStore.hash(secret)).bind("user", userId).bind("role", role.wireName())
                    .bind("by", createdBy).bind("now", now).bind("expires", expires).execute();
        });
        return new Issued(secret, new Invite(userId, role, Instant.ofEpochMilli(expires)));
    }

    /** The live invitation of this secret: not used, not expired, not replaced. */
    public Optional<Invite> find(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        long now = clock.millis();
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT user_id, role, expires_at FROM web_invites
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", TokenStore.hash(secret)).bind("now", now)
                .map((rs, ctx) -> new Invite(rs.getString("user_id"), Role.fromWireName(rs.getString("role")).orElse(Role.OBSERVER),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    /**
     * Uses the invitation: sets the person's password and role (ending their other sessions) and marks it used, so
     * the link cannot be opened again. Refused when the link is no longer valid or the password is too weak.
     */
    public Invite redeem(String secret, String password) {
        Invite invite = find(secret).orElseThrow(() -> Refusal.notFound(
                "invitation (it was used already, replaced by a newer one, or is older than " + LIFETIME.toDays() + " days)"));
        Passwords.problem(password).ifPresent(problem -> {
            throw Refusal.invalid("password: " + problem);
        });
        long now = clock.millis();
        int claimed = database.writeAndWait(handle -> handle.createUpdate(
                        "UPDATE web_invites SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .bind("now", now).bind("hash", TokenStore.hash(secret)).execute());
        if (claimed == 0) throw Refusal.conflict("this invitation was just used");
        logins.setPassword(invite.userId(), password, invite.role());
        return invite;
    }
}
