package dev.tocsin.provider.console;

import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes messages to the server log: the {@code console} contact method, for demos and tests. */
public final class ConsoleSender implements MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger("tocsin.console");

    @Override
    public SendResult send(String recipient, Message message) {
        LOG.info("To {}: {}\n{}", recipient, message.subject(), message.text());
        return SendResult.sent();
    }
}
