package dev.tocsin.provider;

/**
 * One delivery channel (email today; SMS, voice and push later): sends one message to one recipient and says
 * whether a failure is worth retrying. Implementations do no retrying themselves; the caller owns the outbox.
 */
@FunctionalInterface
public interface MessageSender {
    /**
     * @param recipient the channel's address: an email address, a phone number, a topic …
     */
    SendResult send(String recipient, Message message);
}
