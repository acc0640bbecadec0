package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;

/** Opsgenie's {@code {timeAmount, timeUnit}} and plain minute counts as Tocsin durations ({@code 90m}, {@code 2h}, {@code 1d}). */
final class Durations {
    private Durations() {
    }

    static long minutes(JsonNode amount) {
        long value = amount.path("timeAmount").asLong(0);
        return switch (amount.path("timeUnit").asText("minutes")) {
            case "hours" -> value * 60;
            case "days" -> value * 1440;
            default -> value;
        };
    }

    static String text(long minutes) {
        if (minutes > 0 && minutes % 10080 == 0) return minutes / 10080 + "w";
        if (minutes > 0 && minutes % 1440 == 0) return minutes / 1440 + "d";
        if (minutes > 0 && minutes % 60 == 0) return minutes / 60 + "h";
        return minutes + "m";
    }
}
