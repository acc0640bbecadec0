package dev.tocsin.provider;

/** The outcome of one attempt to deliver a message. */
public sealed interface SendResult {
    /**
     * Accepted by the provider.
     *
     * @param providerId the provider's id for the message (Twilio's {@code SM…}/{@code CA…} sid, ntfy's id),
     *                   used to match delivery-status callbacks; null when the provider gives none
     */
    record Sent(String providerId) implements SendResult {
    }

    /** Failed for a reason that may pass (server down, timeout, 429, 5xx): try again later. */
    record TransientFailure(String error) implements SendResult {
    }

    /** Failed for a reason that will not pass by waiting (address rejected, bad credentials): do not retry. */
    record PermanentFailure(String error) implements SendResult {
    }

    static SendResult sent() {
        return new Sent(null);
    }

    static SendResult sent(String providerId) {
        return new Sent(providerId);
    }
}
