package dev.tocsin.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Grafana's optional webhook HMAC: {@code hex(HMAC-SHA256(secret, body))}, or of {@code "<timestamp>:" + body}
 * when Grafana is configured with a timestamp header. Grafana's header names are configurable; we read the
 * default signature header and both timestamp header names seen in Grafana's documentation and examples.
 *
 * <p>No freshness window is enforced on the timestamp: Grafana does not retry, and a clock skew between Grafana
 * and Tocsin would silently drop pages. The signature still binds the body to the secret.
 */
public final class GrafanaSignature {
    public static final String SIGNATURE_HEADER = "X-Grafana-Alerting-Signature";
    public static final List<String> TIMESTAMP_HEADERS = List.of("X-Grafana-Alerting-Signature-Timestamp",
            "X-Grafana-Alerting-Timestamp");

    /** What checking a request's signature found. */
    public enum Verdict { VALID, MISSING, MISMATCH }

    private GrafanaSignature() {
    }

    public static Verdict verify(String secret, byte[] body, String signatureHex, String timestamp) {
        if (signatureHex == null || signatureHex.isBlank()) return Verdict.MISSING;
        byte[] sent;
        try {
            sent = HexFormat.of().parseHex(signatureHex.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.MISMATCH;
        }
        // MessageDigest.isEqual compares in time independent of where the first difference is.
        return MessageDigest.isEqual(sent, sign(secret, body, timestamp)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The HMAC Grafana computes; also what tests use to sign fixtures. */
    public static byte[] sign(String secret, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            if (timestamp != null && !timestamp.isBlank()) mac.update((timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
