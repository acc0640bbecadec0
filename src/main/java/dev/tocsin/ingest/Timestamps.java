package dev.tocsin.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the timestamps senders send: RFC 3339 ({@code 2015-07-17T08:42:58.315Z}, {@code …+02:00}) and
 * PagerDuty's documented form with an offset without colon ({@code 2015-07-17T08:42:58.315+0000}).
 */
public final class Timestamps {
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private Timestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null) return Optional.empty();
        String normalised = OFFSET_WITHOUT_COLON.matcher(text.trim()).replaceFirst("$1:$2");
        // RFC 3339 allows a space and lower-case t/z; ISO_OFFSET_DATE_TIME wants the upper-case forms.
        if (normalised.length() > 10 && (normalised.charAt(10) == ' ' || normalised.charAt(10) == 't')) {
            normalised = normalised.substring(0, 10) + 'T' + normalised.substring(11);
        }
        if (normalised.endsWith("z")) normalised = normalised.substring(0, normalised.length() - 1) + 'Z';
        try {
            return Optional.of(OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
