package dev.tocsin.time;

import java.time.Instant;

/**
 * The instants Tocsin accepts from outside: years 1900 to 9999. Java reads "+999999999-12-31T23:59:59Z" happily, but
 * such an instant overflows the epoch milliseconds Tocsin stores and computes with; a sender's or a user's time
 * outside this range is refused with the field's name instead.
 */
public final class Instants {
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Instants() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The sentence a problem with an out-of-range instant ends with. */
    public static String rangeProblem() {
        return "is outside the years 1900 to 9999";
    }
}
