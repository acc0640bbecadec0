package dev.tocsin.http;

import java.util.List;

/**
 * A request Tocsin will not carry out, with the HTTP status and a message that names the problem.
 * Rendered as {@code {"error":{"code":…,"message":…,"details":[…]}}}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<String> details;

    public ApiException(int status, String code, String message, List<String> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException badRequest(String message, List<String> details) {
        return new ApiException(400, "invalid_request", message, details);
    }

    public static ApiException badRequest(String message) {
        return badRequest(message, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " does not exist");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
