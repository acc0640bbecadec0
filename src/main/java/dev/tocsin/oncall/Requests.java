package dev.tocsin.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Shift;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Reading the on-call endpoints' parameters and bodies, and writing shifts, the same way everywhere. */
public final class Requests {
    /** A range the caller did not bound ends this long after its start. */
    public static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    /** The longest range one request may ask for. */
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    /** [from, to) of a query. */
    public record Range(Instant from, Instant to) {
    }

    private Requests() {
    }

    /** A text field of a body, or null when it is absent or empty. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw Refusal.invalid(field + ": must be a string");
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** {@code ?at=} read by {@code query} (a request's query parameters), default now. */
    public static Instant at(UnaryOperator<String> query, ZoneId zone, Instant now) {
        return Times.parseOr("at", query.apply("at"), zone, now);
    }

    /** {@code ?from=&to=}: from defaults to now, to to {@link #DEFAULT_RANGE} after from. */
    public static Range range(UnaryOperator<String> query, ZoneId zone, Instant now) {
        Instant from = Times.parseOr("from", query.apply("from"), zone, now);
        Instant to = Times.parseOr("to", query.apply("to"), zone, from.plus(DEFAULT_RANGE));
        if (!to.isAfter(from)) throw Refusal.invalid("to: must be after from (" + from + ")");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Refusal.invalid("to: a range is at most " + MAX_RANGE.toDays() + " days");
        }
        return new Range(from, to);
    }

    /** A shift as JSON: start, end, and the users sorted. */
    public static Map<String, Object> shift(Shift shift) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("start", shift.start());
        view.put("end", shift.end());
        view.put("users", sorted(shift.users()));
        return view;
    }

    public static List<String> sorted(java.util.Collection<String> users) {
        return List.copyOf(new TreeSet<>(users));
    }
}
