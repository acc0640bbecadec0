package dev.tocsin.respond;

import java.time.Duration;
import java.time.Instant;

/** How long to snooze an incident: for a duration, until a time, or until its service's next support hours. */
public sealed interface Snooze {
    record For(Duration duration) implements Snooze {
    }

    record Until(Instant until) implements Snooze {
    }

    /** Until the next start of the service's support hours (tomorrow's, when they are on now). */
    record UntilSupportHours() implements Snooze {
    }
}
