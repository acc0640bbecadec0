package dev.tocsin.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration and on the command line: {@code 30s}, {@code 15m},
 * {@code 2h}, {@code 1d}, {@code 1w}, or several parts together ({@code 1h30m}). A day is 24 hours here;
 * calendar-aware arithmetic (a "day" across a DST change) is the schedule module's business.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");
    private static final Pattern WHOLE = Pattern.compile("(\\d+[smhdw])+");
    private static final long[] UNIT_SECONDS = {7 * 86_400, 86_400, 3_600, 60, 1};
    private static final char[] UNIT_NAMES = {'w', 'd', 'h', 'm', 's'};

    private Durations() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a message fit to show the user. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write it like 30s, 15m, 2h, 1d or 1w");
        }
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("malformed duration '" + text + "'; write it like 30s, 15m, 2h, 1d or 1w"
                    + (trimmed.matches("\\d+") ? " (a unit is required)" : ""));
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount;
            try {
                amount = Long.parseLong(part.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("duration '" + text + "' is too long");
            }
            long unitSeconds = switch (part.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3_600;
                case "d" -> 86_400;
                default -> 7 * 86_400;
            };
            if (amount > 100L * 365 * 86_400 / unitSeconds) {
                throw new IllegalArgumentException("duration '" + text + "' is longer than 100 years");
            }
            total = total.plusSeconds(amount * unitSeconds);
        }
        return total;
    }

    /** The shortest text {@link #parse} reads back as {@code duration}, e.g. {@code 1h30m}; zero is {@code 0m}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) return "0m";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < UNIT_SECONDS.length; i++) {
            long amount = seconds / UNIT_SECONDS[i];
            if (amount > 0) {
                text.append(amount).append(UNIT_NAMES[i]);
                seconds -= amount * UNIT_SECONDS[i];
            }
        }
        return text.toString();
    }
}
