package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;

/** {@code tocsin incidents merge N --into M}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge incident N into M: its alerts, responders and paging move to M; N is resolved with a pointer to M.")
final class IncidentMergeCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The incident to merge (123 or #123).")
    String number;

    @Option(names = "--into", required = true, paramLabel = "M", description = "The incident that stays.")
    String into;

    @Override
    public void run() {
        long target = Long.parseLong(IncidentNumbers.parse(into));
        JsonNode result = server.client().post("/api/v1/incidents/" + IncidentNumbers.parse(number) + "/merge", Map.of("into", target));
        String message = result.path("message").asText("");
        spec.commandLine().getOut().println(message.isEmpty() ? "#" + IncidentNumbers.parse(number) + " merged into #" + target : message);
        spec.commandLine().getOut().flush();
    }
}
