package dev.tocsin.provider.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks {@code X-Twilio-Signature}: Base64(HMAC-SHA1(auth token, URL + each form parameter as key+value, keys
 * sorted)). Pure: the caller supplies the URL Twilio called (the public URL + path + query) and the form.
 * Twilio may sign the URL with or without an explicit default port (443/80), so both spellings are tried.
 */
public final class TwilioSignature {
    private TwilioSignature() {
    }

    /** The signature Twilio would send for this URL and form. */
    public static String compute(String authToken, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        // Keys sorted; repeated keys contribute each value, values in sorted order (as Twilio's own libraries do).
        for (var parameter : new TreeMap<>(form).entrySet()) {
            List<String> values = new ArrayList<>(parameter.getValue());
            values.sort(null);
            for (String value : values) data.append(parameter.getKey()).append(value);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** True if the signature matches the URL as given or with its default port added or removed. */
    public static boolean valid(String authToken, String url, Map<String, List<String>> form, String signature) {
        if (signature == null || signature.isBlank() || authToken == null) return false;
        byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        // Check every candidate rather than stopping early, so timing does not tell which spelling matched.
        for (String candidate : spellings(url)) {
            byte[] expected = compute(authToken, candidate, form).getBytes(StandardCharsets.UTF_8);
            matches |= MessageDigest.isEqual(expected, given);
        }
        return matches;
    }

    /** The URL, and the same URL with the default port for its scheme toggled. */
    static List<String> spellings(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return List.of(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int defaultPort = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        if (defaultPort < 0 || uri.getRawAuthority() == null) return List.of(url);
        String authority = uri.getRawAuthority();
        String prefix = url.substring(0, url.indexOf(authority));
        String rest = url.substring(url.indexOf(authority) + authority.length());
        String withPort;
        String withoutPort;
        if (uri.getPort() == defaultPort) {
            withPort = url;
            withoutPort = prefix + authority.substring(0, authority.lastIndexOf(':')) + rest;
        } else if (uri.getPort() == -1) {
            withoutPort = url;
            withPort = prefix + authority + ":" + defaultPort + rest;
        } else {
            return List.of(url);
        }
        return List.of(withoutPort, withPort);
    }
}
