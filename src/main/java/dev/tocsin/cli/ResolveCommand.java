package dev.tocsin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tocsin resolve N [--note "what fixed it"]}. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Resolve incident N (and its open alerts).",
                "--note records what fixed it; the next incident of the same alert shows it."})
final class ResolveCommand extends IncidentActionCommand {
    @Option(names = "--note", description = "What fixed it (a resolution note); also for an incident already resolved.")
    String note;

    @Override
    Object body() {
        return note == null ? null : java.util.Map.of("resolution", note);
    }

    @Override
    String action() {
        return "resolve";
    }

    @Override
    String pastTense() {
        return "resolved";
    }
}
