package dev.tocsin.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times and durations. */
public final class Show {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private Show() {
    }

    /** "Thu 3 Dec 14:05 CET" in the viewer's zone. */
    public static String time(Instant at, ZoneId zone) {
        if (at == null) return "";
        return TIME.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** ISO-8601, for a {@code <time datetime>} attribute. */
    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** "4 min", "2 h 5 min", "3 d" between two instants. */
    public static String age(Instant from, Instant to) {
        if (from == null || to == null) return "";
        Duration age = Duration.between(from, to);
        if (age.isNegative()) age = Duration.ZERO;
        if (age.toMinutes() < 1) return "<1 min";
        if (age.toHours() < 1) return age.toMinutes() + " min";
        if (age.toDays() < 1) return age.toHours() + " h " + age.toMinutesPart() + " min";
        return age.toDays() + " d";
    }

    public static String ago(Instant at) {
        return age(at, Instant.now());
    }

    /** "in 12 min" or "now" for a moment to come. */
    public static String in(Instant at) {
        if (at == null) return "";
        Duration left = Duration.between(Instant.now(), at);
        if (left.isNegative() || left.toMinutes() < 1) return "in less than a minute";
        return "in " + age(Instant.now(), at);
    }

    /** The link if it is a web address (http or https); null for anything a browser would run (javascript:, data:). */
    public static String webLink(String href) {
        if (href == null) return null;
        String lower = href.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? href.trim() : null;
    }

    public static String label(String wireName) {
        if (wireName == null || wireName.isEmpty()) return "";
        String spaced = wireName.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
