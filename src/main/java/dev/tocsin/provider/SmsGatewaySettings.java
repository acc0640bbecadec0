package dev.tocsin.provider;

import dev.tocsin.secret.Secret;

import java.util.List;
import java.util.Map;

/**
 * A generic HTTP SMS gateway ({@code providers.sms_gateway}): when set, text messages go through it instead of
 * Twilio. The body is a template with {@code {{to}}} and {@code {{message}}}; header values are secrets.
 *
 * @param method  HTTP method, {@link #DEFAULT_METHOD} unless given
 * @param headers header name to value; values may hold credentials and are never logged
 * @param body    the body template, or null for a request without a body
 * @param format  how {@code {{…}}} values are escaped in the body and which Content-Type is sent by default
 */
public record SmsGatewaySettings(String url, String method, Map<String, Secret> headers, String body,
                                 BodyFormat format, SuccessRule success) {
    public static final String DEFAULT_METHOD = "POST";
    public static final List<Integer> DEFAULT_SUCCESS_STATUSES = List.of(200, 201, 202);

    public SmsGatewaySettings {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** How template values are escaped: JSON string escaping or form URL encoding. */
    public enum BodyFormat {
        JSON("application/json"), FORM("application/x-www-form-urlencoded");

        private final String contentType;

        BodyFormat(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * When an answer counts as sent: its status is one of {@code statuses}, and, if given, the body contains
     * {@code bodyContains} and the JSON value at {@code jsonPath} (dot-separated; numbers index arrays, e.g.
     * {@code messages.0.status}) equals {@code jsonEquals}. All given conditions must hold.
     */
    public record SuccessRule(List<Integer> statuses, String bodyContains, String jsonPath, String jsonEquals) {
        public SuccessRule {
            statuses = statuses == null || statuses.isEmpty() ? DEFAULT_SUCCESS_STATUSES : List.copyOf(statuses);
        }

        public static final SuccessRule DEFAULT = new SuccessRule(DEFAULT_SUCCESS_STATUSES, null, null, null);
    }
}
