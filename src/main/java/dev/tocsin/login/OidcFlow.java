package dev.tocsin.login;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One single sign-on in progress, carried from the start to the callback by a short-lived browser cookie rather than
 * stored on the server, so any node can take the callback. The cookie holds when the sign-in started, 256 random bits
 * and where to go afterwards; {@code state}, {@code nonce} and the PKCE verifier are SHA-256 hashes of the whole
 * cookie under different labels. Only the browser that started the sign-in has the cookie (HttpOnly), so only its
 * callback can show the matching {@code state}; changing any part of the cookie (the start time, the destination)
 * changes the hashes, and the callback is refused.
 */
public record OidcFlow(String cookie, Instant started, String next) {
    /** How long a sign-in may take between leaving for the provider and coming back. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String VERSION = "o1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    static OidcFlow begin(Instant now, String next) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String cookie = VERSION + "." + now.toEpochMilli() + "." + BASE64.encodeToString(bytes) + "."
                + BASE64.encodeToString(next.getBytes(StandardCharsets.UTF_8));
        return new OidcFlow(cookie, Instant.ofEpochMilli(now.toEpochMilli()), next);
    }

    /** The sign-in this cookie carries, if it is one of ours and not older than {@link #LIFETIME}. */
    static Optional<OidcFlow> read(String cookie, Instant now) {
        if (cookie == null || cookie.length() > 2_000) return Optional.empty();
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[2].length() < 43) return Optional.empty();
        try {
            Instant started = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            if (started.isAfter(now.plusSeconds(60)) || !started.plus(LIFETIME).isAfter(now)) return Optional.empty();
            String next = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
            return Optional.of(new OidcFlow(cookie, started, next));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    State state() {
        return new State(derive("state"));
    }

    Nonce nonce() {
        return new Nonce(derive("nonce"));
    }

    /** 43 characters of base64url: the shortest verifier RFC 7636 allows, with 256 bits in it. */
    CodeVerifier verifier() {
        return new CodeVerifier(derive("pkce"));
    }

    private String derive(String label) {
        try {
            return BASE64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest((label + ":" + cookie).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "OidcFlow[started=" + started + ", next=" + next + "]";
    }
}
