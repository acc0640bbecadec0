package dev.tocsin.simulate;

import dev.tocsin.user.ContactMethod;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of a simulation: a notification (a person, a contact method, the level that paged them) or an
 * escalation event (a timeline message, {@code user} and {@code method} null).
 *
 * @param level 1-based level that paged the person, 0 for an event
 * @param round 1-based round of the policy, 0 for an event
 * @param event the timeline kind of an event as the engine writes it ({@code paged}, {@code escalated} …), null
 *              for a notification
 */
public record SimulatedStep(Instant at, Duration offset, Kind kind, String user, ContactMethod method, int level,
                            int round, String event, String message) {
    public enum Kind {
        NOTIFY, EVENT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
