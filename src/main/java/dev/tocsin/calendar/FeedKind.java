package dev.tocsin.calendar;

import java.util.Locale;

/** Whose shifts a calendar feed shows: one person's across all schedules, or one schedule's with who. */
public enum FeedKind {
    USER, SCHEDULE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path segment of the feed URL: {@code users} or {@code schedules}. */
    public String pathSegment() {
        return wireName() + "s";
    }
}
