package dev.tocsin.refusal;

import java.util.List;

/**
 * A command Tocsin will not carry out, said in the domain's terms: what kind of refusal it is, a short code, a
 * message that names the problem and, for invalid input, every problem found. Domain code throws it; each channel
 * turns it into its own answer (the HTTP adapter into a status and a JSON error, an SMS reply into one sentence),
 * so nothing below the adapters knows about HTTP.
 */
public final class Refusal extends RuntimeException {
    /** Why the command was refused. */
    public enum Kind {
        /** The input is wrong; the details list every problem. */
        INVALID,
        /** The actor may not do this. */
        FORBIDDEN,
        /** What the command names does not exist. */
        NOT_FOUND,
        /** The command contradicts the current state (already taken, changed meanwhile, still in use). */
        CONFLICT,
        /** The command would make Tocsin do more work than it allows (an expansion past its bound). */
        TOO_LARGE,
        /** Something outside Tocsin that the command needed answered wrongly (a calendar URL, say). */
        UPSTREAM_FAILED,
        /** Tocsin cannot do it now; the same command may work later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final List<String> details;

    public Refusal(Kind kind, String code, String message, List<String> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static Refusal invalid(String message) {
        return invalid(message, List.of());
    }

    public static Refusal invalid(String message, List<String> details) {
        return new Refusal(Kind.INVALID, "invalid_request", message, details);
    }

    /** {@code what} names the missing thing: "incident #42" gives "incident #42 does not exist". */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not_found", what + " does not exist", List.of());
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", message, List.of());
    }

    public static Refusal conflict(String message) {
        return conflict(message, List.of());
    }

    public static Refusal conflict(String message, List<String> details) {
        return new Refusal(Kind.CONFLICT, "conflict", message, details);
    }

    public static Refusal tooLarge(String message) {
        return new Refusal(Kind.TOO_LARGE, "too_large", message, List.of());
    }

    public static Refusal upstreamFailed(String code, String message) {
        return new Refusal(Kind.UPSTREAM_FAILED, code, message, List.of());
    }

    public static Refusal unavailable(String message) {
        return new Refusal(Kind.UNAVAILABLE, "unavailable", message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
