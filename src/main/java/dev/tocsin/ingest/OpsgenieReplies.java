package dev.tocsin.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Opsgenie Alert API's answers: {@code 202 {"result":"Request will be processed", …}} and errors as
 * {@code {"message": …, "errors": {field: problem}}}. {@link OpsgenieRoutes} adds {@code took} and
 * {@code requestId} to every one, as Opsgenie does.
 */
final class OpsgenieReplies {
    static final String ACCEPTED = "Request will be processed";
    static final String UNPROCESSABLE = "Request body is not processable. Please check the errors.";
    static final String THROTTLED = "You are making too many requests! To avoid errors, we recommend you limit requests.";

    private OpsgenieReplies() {
    }

    /**
     * 202, as Opsgenie answers every valid request. {@code data} says what Tocsin did with it (Opsgenie tells this
     * only through its request-status endpoint): {@code action}, {@code status} (created, deduplicated, acknowledged,
     * resolved, noted or dropped), {@code alertId}, {@code alias} and {@code incidentId}.
     */
    static Reply accepted(String action, String status, Long alertId, String alias, Long incidentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("status", status);
        if (alertId != null) data.put("alertId", Long.toString(alertId));
        if (alias != null) data.put("alias", alias);
        if (incidentId != null) data.put("incidentId", incidentId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", ACCEPTED);
        body.put("data", data);
        return new Reply(202, body, null);
    }

    static Reply error(int status, String message, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (errors != null && !errors.isEmpty()) body.put("errors", new LinkedHashMap<>(errors));
        return new Reply(status, body, null);
    }

    static Reply unprocessable(Map<String, String> errors) {
        return error(422, UNPROCESSABLE, errors);
    }

    static Reply unprocessable(String field, String problem) {
        return unprocessable(Map.of(field, problem));
    }

    /** Opsgenie answers a body that is not JSON with 400, and one that is JSON with bad fields with 422. */
    static Reply invalidJson() {
        return error(400, "Invalid JSON body", Map.of("body", "The request body is not a JSON object."));
    }

    static Reply unauthenticated(String reason) {
        return error(401, "Could not authenticate", Map.of("Authorization", reason));
    }

    /** A key that exists but is not an {@code opsgenie} integration: valid, but not allowed here (Opsgenie's 403). */
    static Reply forbidden(String reason) {
        return error(403, "The API key cannot do this operation", Map.of("Authorization", reason));
    }

    static Reply throttled(long retryAfterSeconds) {
        return error(429, THROTTLED, null).withRetryAfter(retryAfterSeconds);
    }

    static Reply tooLarge(long bytes) {
        return error(413, "Request body is too large", Map.of("body", "the body is "
                + (bytes < 0 ? "more than " + Reply.MAX_BODY_BYTES : bytes) + " bytes; the limit is " + Reply.MAX_BODY_BYTES + " bytes"));
    }

    static Reply unavailable(String reason) {
        return error(503, "Alerts cannot be accepted right now. Please retry later.", Map.of("storage", reason))
                .withRetryAfter(Reply.STORAGE_RETRY_AFTER_SECONDS);
    }

    static Reply internalError() {
        return error(500, "Internal error; see the server log", null);
    }
}
