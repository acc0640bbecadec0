package dev.tocsin.provider;

/**
 * What is sent to a person, independent of the channel: a subject line, a plain-text body and, for channels
 * that can show it, the same body as HTML.
 *
 * @param html the body as an HTML fragment, or null to send plain text only
 */
public record Message(String subject, String text, String html) {
}
