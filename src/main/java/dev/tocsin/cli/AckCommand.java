package dev.tocsin.cli;

import picocli.CommandLine.Command;

/** {@code tocsin ack N}. */
@Command(name = "ack", aliases = "acknowledge", mixinStandardHelpOptions = true,
        description = "Acknowledge incident N: stops escalation, says you are on it.")
final class AckCommand extends IncidentActionCommand {
    @Override
    String action() {
        return "acknowledge";
    }

    @Override
    String pastTense() {
        return "acknowledged";
    }
}
