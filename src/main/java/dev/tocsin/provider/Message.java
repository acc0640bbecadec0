package dev.tocsin.provider;

import java.util.List;

/**
 * What is sent to a person, independent of the channel: a subject line, a plain-text body and, for channels
 * that can show them, the same body as HTML, the incident's facts as label/value pairs and action links
 * (acknowledge, resolve, escalate, open).
 *
 * @param html    the body as an HTML fragment, or null to send plain text only
 * @param actions buttons or links, in order of importance; channels show as many as they can
 * @param urgent  a high-urgency page: channels that have a priority use their highest
 * @param facts   the incident's facts ("Service" → "customer-api", "Open for" → "4 min"), in order; chat
 *                channels show them as fields, the webhook sends them as data; may be empty
 */
public record Message(String subject, String text, String html, List<Action> actions, boolean urgent, List<Fact> facts) {
    public Message {
        actions = actions == null ? List.of() : List.copyOf(actions);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public Message(String subject, String text, String html, List<Action> actions, boolean urgent) {
        this(subject, text, html, actions, urgent, List.of());
    }

    public Message(String subject, String text, String html) {
        this(subject, text, html, List.of(), false, List.of());
    }

    /**
     * An action a person can take from the message.
     *
     * @param label what the button says ("Acknowledge")
     * @param url   a signed, expiring link that performs it, or a page to open
     * @param opens true if the link only opens a page (ntfy "view"), false if following it performs the action
     */
    public record Action(String label, String url, boolean opens) {
    }

    /** One fact about the incident, shown as a labelled field: {@code Urgency: high}. */
    public record Fact(String label, String value) {
    }
}
