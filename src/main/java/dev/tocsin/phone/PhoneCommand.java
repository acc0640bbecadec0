package dev.tocsin.phone;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person asked for by SMS reply or keypad: 4 (or "ack") acknowledge, 6 (or "resolve") resolve, 8 (or
 * "escalate") escalate, "join" join as responder (offer help on an incident one was not paged for), optionally followed by an incident number ("4 123", "ack #123").
 *
 * @param incidentId the incident named, or null for "the one I was paged about"
 */
public record PhoneCommand(Action action, Long incidentId) {
    /** The three things a phone can do to an incident. */
    public enum Action { ACKNOWLEDGE, RESOLVE, ESCALATE, JOIN }

    private static final Pattern SHAPE = Pattern.compile("^\\s*([a-z0-9]+)\\s*(?:#?\\s*(\\d{1,18}))?\\s*[.!]?\\s*$");

    /** The command in an SMS body or keypad digits, or empty if it is not one. */
    public static Optional<PhoneCommand> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher matcher = SHAPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) return Optional.empty();
        Action action = switch (matcher.group(1)) {
            case "4", "ack", "acknowledge" -> Action.ACKNOWLEDGE;
            case "6", "resolve" -> Action.RESOLVE;
            case "8", "escalate" -> Action.ESCALATE;
            case "join" -> Action.JOIN;
            default -> null;
        };
        if (action == null) return Optional.empty();
        Long incident = matcher.group(2) == null ? null : Long.parseLong(matcher.group(2));
        return Optional.of(new PhoneCommand(action, incident));
    }
}
