package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import dev.tocsin.delivery.DeliverTimer;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test pages ("does my phone let Tocsin through Do Not Disturb?") and contact-method verification codes. Both
 * are ordinary notifications without an incident: persisted, sent by the same delivery path with the same
 * retries, and visible in {@code GET /api/v1/notifications/{id}}. Verification is advisory: an unverified method
 * is still paged (configuration as code must never page nobody), but the API shows which methods are proven.
 */
public final class TestPages {
    /** How long a verification code can be typed back. */
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    /** Wrong codes allowed per code before a new one must be requested. */
    public static final int MAX_CODE_ATTEMPTS = 5;

    private final Database database;
    private final Paging paging;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TestPages(Database database, Paging paging, Clock clock) {
        this.database = database;
        this.paging = paging;
        this.clock = clock;
    }

    /** Sends a test notification to one of the person's contact methods; returns the notification's id. */
    public long testPage(String userId, String via, Actor requestedBy) {
        User user = user(userId);
        ContactMethod method = method(user, via);
        Instant now = clock.instant();
        String subject = "Tocsin test page for " + user.name();
        String body = "This is a test page from Tocsin to " + method.type() + " " + method.id() + ", sent by "
                + requestedBy.id() + ". If it reached you through Do Not Disturb, you will hear real pages too.";
        return database.writeAndWait(handle -> {
            long id = DeliverTimer.create(handle, paging.notifications(), null, userId, method, "test page", subject, body, now);
            handle.afterCommit(paging.wake());
            return id;
        });
    }

    /** Sends a fresh six-digit code to the contact method; returns the notification's id. */
    public long sendCode(String userId, String via) {
        User user = user(userId);
        ContactMethod method = method(user, via);
        if (method instanceof ContactMethod.Console) {
            throw Refusal.invalid("console contact methods print on the server and need no verification");
        }
        Instant now = clock.instant();
        String code = String.format("%06d", random.nextInt(1_000_000));
        String body = "Your Tocsin verification code for " + method.type() + " " + method.id() + " is " + code
                + ". It is valid for " + CODE_VALIDITY.toMinutes() + " minutes.";
        return database.writeAndWait(handle -> {
            handle.createUpdate("DELETE FROM contact_verifications WHERE user_id = :user AND contact_method_id = :method")
                    .bind("user", userId).bind("method", method.id()).execute();
            handle.createUpdate("""
                            INSERT INTO contact_verifications (user_id, contact_method_id, address, code_hash, code_expires_at, attempts)
                            VALUES (:user, :method, :address, :hash, :expires, 0)""")
                    .bind("user", userId).bind("method", method.id()).bind("address", address(method))
                    .bind("hash", TokenStore.hash(userId + "/" + method.id() + "/" + code))
                    .bind("expires", now.plus(CODE_VALIDITY).toEpochMilli()).execute();
            long id = DeliverTimer.create(handle, paging.notifications(), null, userId, method, Notification.VERIFICATION,
                    "Tocsin verification code", body, now);
            handle.afterCommit(paging.wake());
            return id;
        });
    }

    /** Checks a code typed back; the method counts as verified for its current address. */
    public Instant confirm(String userId, String via, String code) {
        User user = user(userId);
        ContactMethod method = method(user, via);
        Instant now = clock.instant();
        if (code == null || !code.strip().matches("\\d{6}")) throw Refusal.invalid("code: must be the six digits that were sent");
        Instant verified = database.writeAndWait(handle -> {
            Optional<Map<String, Object>> row = handle.createQuery("""
                            SELECT code_hash, code_expires_at, attempts FROM contact_verifications
                            WHERE user_id = :user AND contact_method_id = :method AND code_hash IS NOT NULL""")
                    .bind("user", userId).bind("method", method.id()).mapToMap().findOne();
            if (row.isEmpty()) throw Refusal.conflict("no code was sent to " + via + "; request one first");
            int attempts = ((Number) row.get().get("attempts")).intValue();
            long expires = ((Number) row.get().get("code_expires_at")).longValue();
            if (attempts >= MAX_CODE_ATTEMPTS) throw Refusal.conflict("too many wrong codes; request a new one");
            if (now.toEpochMilli() > expires) throw Refusal.conflict("the code has expired; request a new one");
            String expected = (String) row.get().get("code_hash");
            if (!TokenStore.hash(userId + "/" + method.id() + "/" + code.strip()).equals(expected)) {
                handle.createUpdate("UPDATE contact_verifications SET attempts = attempts + 1 WHERE user_id = :user AND contact_method_id = :method")
                        .bind("user", userId).bind("method", method.id()).execute();
                return null;
            }
            handle.createUpdate("""
                            UPDATE contact_verifications SET verified_at = :now, code_hash = NULL, code_expires_at = NULL
                            WHERE user_id = :user AND contact_method_id = :method""")
                    .bind("user", userId).bind("method", method.id()).bind("now", now.toEpochMilli()).execute();
            return now;
        });
        if (verified == null) throw Refusal.invalid("code: that is not the code that was sent to " + via);
        return verified;
    }

    /** The person's contact methods with when each was verified (null if never, or for a changed address). */
    public List<Map<String, Object>> contactMethods(String userId) {
        User user = user(userId);
        Map<String, Object[]> verified = new LinkedHashMap<>();
        database.jdbi().useHandle(handle -> handle.createQuery(
                        "SELECT contact_method_id, address, verified_at FROM contact_verifications WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getObject(3)})
                .forEach(row -> verified.put((String) row[0], row)));
        return user.contactMethods().stream().map(method -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", method.id());
            out.put("type", method.type());
            Object[] row = verified.get(method.id());
            boolean current = row != null && row[2] != null && address(method).equals(row[1]);
            out.put("verified_at", current ? Instant.ofEpochMilli(((Number) row[2]).longValue()) : null);
            return out;
        }).toList();
    }

    private User user(String userId) {
        return paging.organisation().user(userId).orElseThrow(() -> Refusal.notFound("user '" + userId + "'"));
    }

    private static ContactMethod method(User user, String via) {
        if (via == null || via.isBlank()) throw Refusal.invalid("via: name one of " + user.id() + "'s contact methods");
        return user.contactMethod(via).orElseThrow(() -> Refusal.notFound("contact method '" + via + "' of user '"
                + user.id() + "' (has: " + String.join(", ", user.contactMethods().stream().map(ContactMethod::id).toList()) + ")"));
    }

    /** What the method reaches: a changed address needs verifying again. */
    private static String address(ContactMethod method) {
        if (method instanceof ContactMethod.Phone phone) return phone.to();
        if (method instanceof ContactMethod.Email email) return email.to();
        if (method instanceof ContactMethod.Ntfy ntfy) return (ntfy.server() == null ? "" : ntfy.server() + "/") + ntfy.topic();
        if (method instanceof ContactMethod.Slack slack) return slack.to();
        if (method instanceof ContactMethod.Chat chat) return chat.url() == null ? null : chat.url().value();
        if (method instanceof ContactMethod.Webhook webhook) return webhook.url();
        return method.id();
    }
}
