package dev.tocsin.ingest;

import java.util.List;

/**
 * What a sender-format parser made of a request body: the parsed value, every problem found in a body that is
 * JSON, or a body that is not a JSON object at all (PagerDuty tells these last two apart in its answers).
 */
public sealed interface ParseResult<T> {
    /** The body was understood. */
    record Parsed<T>(T value) implements ParseResult<T> {
    }

    /** The body is a JSON object with problems, one line per problem naming the field. */
    record Invalid<T>(List<String> problems) implements ParseResult<T> {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** The body is not a JSON object. */
    record Unrecognized<T>(String reason) implements ParseResult<T> {
    }

    static <T> ParseResult<T> of(T value, List<String> problems) {
        return problems.isEmpty() ? new Parsed<>(value) : new Invalid<>(problems);
    }
}
