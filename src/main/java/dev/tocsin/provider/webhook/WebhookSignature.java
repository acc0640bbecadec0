package dev.tocsin.provider.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Standard Webhooks signing: {@code v1,} + base64 HMAC-SHA256 over {@code {id}.{timestamp}.{body}} with the
 * key that the secret ({@code whsec_} + base64) encodes.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    /** The specification asks for keys of 24 to 64 bytes. */
    public static final int MIN_KEY_BYTES = 24;
    public static final int MAX_KEY_BYTES = 64;

    private WebhookSignature() {
    }

    /** The key a secret stands for, or empty if it is not {@code whsec_}-prefixed (optional) base64 of 24–64 bytes. */
    public static Optional<byte[]> key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(byte[] key, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
