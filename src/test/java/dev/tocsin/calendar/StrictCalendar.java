package dev.tocsin.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: parses a feed back with ical4j in strict mode and checks the RFC 5545 wire rules on the raw text. */
final class StrictCalendar {
    private StrictCalendar() {
    }

    static Calendar parse(String feed) {
        assertWireRules(feed);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, false);
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors()).as("validation: %s", result.getEntries()).isFalse();
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("strict iCalendar parse failed: " + e + "\n" + feed, e);
        }
    }

    /** CRLF line ends only, no content line over 75 octets, continuation lines start with one space. */
    static void assertWireRules(String feed) {
        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(feed.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of line '%s'", line).isLessThanOrEqualTo(75);
        }
        assertThat(count(feed, "\r\nPRODID:")).isEqualTo(1);
        assertThat(count(feed, "\r\nVERSION:2.0\r\n")).isEqualTo(1);
    }

    static String unfold(String feed) {
        return feed.replace("\r\n ", "");
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
        return count;
    }
}
