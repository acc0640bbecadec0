package dev.tocsin.actionlink;

import dev.tocsin.trace.Channel;

import java.time.Instant;

/**
 * A stored action link, without its token (only the token's hash is kept).
 *
 * @param usedAt when the link was spent, or null while it has not been
 */
public record ActionLink(long incidentId, String userId, LinkAction action, Channel channel,
                         Instant createdAt, Instant expiresAt, Instant usedAt) {
    /** Whether a link can still be used, or why not. */
    public enum State { USABLE, USED, EXPIRED }

    /** A used link says so even after it expired: "already used" is the more useful answer. */
    public State state(Instant now) {
        if (usedAt != null) return State.USED;
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }
}
