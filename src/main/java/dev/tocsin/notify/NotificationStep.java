package dev.tocsin.notify;

import dev.tocsin.user.ContactMethod;

import java.time.Instant;

/**
 * One notification a person's rules call for: at this time, through this contact method.
 *
 * @param rule 0-based index of the rule in the person's list for the urgency (-1 for the fallback)
 * @param send 0 for the rule's first notification, 1 for its first repeat, …
 */
public record NotificationStep(String user, Instant at, ContactMethod method, int rule, int send) {
    /** {@code sms alice-sms}: the contact method's type and id. */
    public String channel() {
        return method.type() + " " + method.id();
    }
}
