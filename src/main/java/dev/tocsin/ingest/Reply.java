package dev.tocsin.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ingest endpoint's answer: status, JSON body and, for "retry later" answers, a Retry-After in seconds.
 * The factory methods give PagerDuty's own bodies, which PagerDuty clients parse.
 */
record Reply(int status, Map<String, Object> body, Long retryAfterSeconds) {
    /** Requests whose body exceeds this are answered 413 without being read. */
    static final int MAX_BODY_BYTES = 512 * 1024;
    /** Retry-After given when storage cannot take events right now. */
    static final long STORAGE_RETRY_AFTER_SECONDS = 1;

    static Reply of(int status, String statusText, String message, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", statusText);
        body.put("message", message);
        if (errors != null) body.put("errors", errors);
        return new Reply(status, body, null);
    }

    static Reply invalid(List<String> problems) {
        return of(400, "invalid event", "Event object is invalid", problems);
    }

    static Reply unrecognized() {
        return of(400, "Unrecognized object", "Event object format is unrecognized", List.of("JSON parse error"));
    }

    static Reply tooLarge(long bytes) {
        return of(413, "Request too large", "Event object is too large",
                List.of("the body is " + (bytes < 0 ? "more than " + MAX_BODY_BYTES : bytes) + " bytes; the limit is "
                        + MAX_BODY_BYTES + " bytes"));
    }

    /** PagerDuty's throttle body (v2 answers it with 429, v1 with 403). */
    static Reply throttled(int status, long retryAfterSeconds) {
        return of(status, "throttle exceeded", "Requests for this service are arriving too quickly. Please retry later.",
                null).withRetryAfter(retryAfterSeconds);
    }

    /** Well-formed but cannot be taken right now: 503 so every sender retries (Alertmanager drops any 4xx). */
    static Reply unavailable(String reason, long retryAfterSeconds) {
        return of(503, "unavailable", "Events cannot be accepted right now. Please retry later.", List.of(reason))
                .withRetryAfter(retryAfterSeconds);
    }

    static Reply unknownIntegration(String key) {
        return of(404, "unknown integration", "No integration has the key in this URL; check the URL configured in the sender",
                List.of("integration key '" + key + "' is not configured"));
    }

    static Reply success(String keyField, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", "Event processed");
        if (keyField != null) body.put(keyField, key);
        return new Reply(202, body, null);
    }

    Reply withStatus(int newStatus) {
        return new Reply(newStatus, body, retryAfterSeconds);
    }

    Reply withRetryAfter(long seconds) {
        return new Reply(status, body, seconds);
    }

    Reply with(String field, Object value) {
        Map<String, Object> extended = new LinkedHashMap<>(body);
        extended.put(field, value);
        return new Reply(status, extended, retryAfterSeconds);
    }
}
