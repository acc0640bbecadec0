package dev.tocsin.heartbeat;

import java.util.Locale;

/** Where a heartbeat stands: not pinged yet, pinged in time, or silent past its deadline (an incident is open). */
public enum HeartbeatState {
    NEVER, OK, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static HeartbeatState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
