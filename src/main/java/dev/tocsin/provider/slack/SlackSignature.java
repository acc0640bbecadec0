package dev.tocsin.provider.slack;

import dev.tocsin.secret.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Verifies that a request came from Slack (buttons, slash commands): {@code X-Slack-Signature} must be
 * {@code v0=} + hex HMAC-SHA256 of {@code v0:{X-Slack-Request-Timestamp}:{raw body}} under the signing
 * secret, and the timestamp within five minutes of now in either direction (replay protection). Pure: the
 * caller passes the time.
 */
public final class SlackSignature {
    /** How far the request's timestamp may be from now, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private SlackSignature() {
    }

    /**
     * @param timestamp the {@code X-Slack-Request-Timestamp} header (unix seconds), possibly null
     * @param body      the raw request body exactly as received
     * @param signature the {@code X-Slack-Signature} header, possibly null
     */
    public static boolean verify(Secret signingSecret, String timestamp, String body, String signature, Instant now) {
        if (timestamp == null || signature == null || body == null) return false;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) return false;
        byte[] expected = sign(signingSecret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        // Constant time: a byte-by-byte early exit would let an attacker find the signature one byte at a time.
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(Secret signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((VERSION + ":" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
