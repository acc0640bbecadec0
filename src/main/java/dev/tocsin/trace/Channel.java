package dev.tocsin.trace;

import java.util.Locale;
import java.util.Optional;

/**
 * Through which way an action reached Tocsin. Every timeline entry names one, so the timeline can tell
 * "acknowledged by alice by SMS reply" from "acknowledged by alice in the web UI".
 */
public enum Channel {
    API, CLI, WEB, EVENT, CONFIG, SYSTEM, SMS, VOICE, EMAIL, PUSH, SLACK, TEAMS, MATTERMOST, WEBHOOK, PHONE;

    /** Header an API client sets to say which channel it is (the CLI sends {@code cli}); default {@code api}. */
    public static final String HEADER = "X-Tocsin-Channel";

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String name) {
        if (name == null) return Optional.empty();
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
