package dev.tocsin.cli;

import picocli.CommandLine.Command;

/** {@code tocsin resolve N}. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Resolve incident N (and its open alerts).")
final class ResolveCommand extends IncidentActionCommand {
    @Override
    String action() {
        return "resolve";
    }

    @Override
    String pastTense() {
        return "resolved";
    }
}
