package dev.tocsin.provider;

import java.util.List;

/**
 * What is sent to a person, independent of the channel: a subject line, a plain-text body and, for channels
 * that can show them, the same body as HTML and action links (acknowledge, resolve, escalate, open).
 *
 * @param html    the body as an HTML fragment, or null to send plain text only
 * @param actions buttons or links, in order of importance; channels show as many as they can
 * @param urgent  a high-urgency page: channels that have a priority use their highest
 */
public record Message(String subject, String text, String html, List<Action> actions, boolean urgent) {
    public Message {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Message(String subject, String text, String html) {
        this(subject, text, html, List.of(), false);
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
}
