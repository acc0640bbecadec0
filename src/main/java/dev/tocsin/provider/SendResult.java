package dev.tocsin.provider;

/** The outcome of one attempt to deliver a message. */
public sealed interface SendResult {
    /** Accepted by the provider. */
    record Sent() implements SendResult {
    }

    /** Failed for a reason that may pass (server down, timeout, 4xx): try again later. */
    record TransientFailure(String error) implements SendResult {
    }

    /** Failed for a reason that will not pass by waiting (address rejected, 5xx): do not retry. */
    record PermanentFailure(String error) implements SendResult {
    }

    static SendResult sent() {
        return new Sent();
    }
}
