package dev.tocsin.user;

import dev.tocsin.schedule.Handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

/**
 * How a person wants to hear about their own on-call time ({@code notices:} on a user): how long before a
 * shift to be reminded, when the weekly digest of upcoming shifts arrives (in the person's time zone), and
 * through which contact method.
 *
 * @param beforeShift how long before a shift starts the reminder is sent, or null for no reminder
 * @param digest      weekday and time of the weekly digest, or null for none
 * @param via         id of the contact method notices go to, or null for the default (first email method,
 *                    else the console, else the user's {@code email})
 */
public record NoticePreferences(Duration beforeShift, Handoff digest, String via) {
    public static final Duration DEFAULT_BEFORE_SHIFT = Duration.ofHours(24);
    public static final Handoff DEFAULT_DIGEST = new Handoff(DayOfWeek.MONDAY, LocalTime.of(8, 0));
    public static final NoticePreferences DEFAULT = new NoticePreferences(DEFAULT_BEFORE_SHIFT, DEFAULT_DIGEST, null);

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
