package dev.tocsin.oncall;

import dev.tocsin.time.Instants;
import dev.tocsin.refusal.Refusal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people write them to the API and CLI, and as Tocsin writes them back to people.
 *
 * <p>Input is an ISO 8601 instant ({@code 2027-03-29T07:30:00Z}, or with an offset {@code +02:00}) or a local
 * date-time ({@code 2027-03-29T09:30}) read in a given zone, usually the schedule's. A local time that does not
 * exist (spring forward) is moved later by the gap's length; one that happens twice (fall back) is the earlier
 * of the two — {@link ZonedDateTime#of}'s rule, the same one the schedule computation uses for handoffs.
 */
public final class Times {
    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private Times() {
    }

    /** Parses {@code text} for the parameter {@code name}; 400 naming the parameter if it is neither shape. */
    public static Instant parse(String name, String text, ZoneId zone) {
        Instant instant = parseAnyYear(name, text, zone);
        if (!Instants.inRange(instant)) throw Refusal.invalid(name + ": '" + text + "' " + Instants.rangeProblem());
        return instant;
    }

    private static Instant parseAnyYear(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) throw Refusal.invalid(name + ": a time is required");
        String trimmed = text.strip();
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeException ignored) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeException ignored) {
            // try a local date-time
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(trimmed), zone).toInstant();
        } catch (DateTimeException e) {
            throw Refusal.invalid(name + ": '" + text + "' is not a time; write an instant like "
                    + "2027-03-29T07:30:00Z or a local date-time like 2027-03-29T09:30 (read in " + zone.getId() + ")");
        }
    }

    /** Like {@link #parse} but {@code fallback} when the parameter is absent. */
    public static Instant parseOr(String name, String text, ZoneId zone, Instant fallback) {
        return text == null || text.isBlank() ? fallback : parse(name, text, zone);
    }

    /** {@code Mon 29 Mar 2027 09:30 CEST}, in the reader's zone. */
    public static String human(Instant instant, ZoneId zone) {
        return HUMAN.format(instant.atZone(zone));
    }

    /** {@code Mon 29 Mar 2027 09:30 CEST to Mon 29 Mar 2027 11:30 CEST}. */
    public static String span(Instant start, Instant end, ZoneId zone) {
        return human(start, zone) + " to " + human(end, zone);
    }
}
