package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;

/** {@code tocsin incidents rename N "title"}. */
@Command(name = "rename", mixinStandardHelpOptions = true,
        description = "Give incident N a title others understand without digging; the timeline keeps the old one.")
final class IncidentRenameCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The incident (123 or #123).")
    String number;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The new title.")
    String title;

    @Override
    public void run() {
        String id = IncidentNumbers.parse(number);
        JsonNode result = server.client().patch("/api/v1/incidents/" + id, Map.of("title", title));
        JsonNode incident = result.has("incident") ? result.path("incident") : result;
        spec.commandLine().getOut().println("#" + id + " is now: " + incident.path("title").asText(title));
        spec.commandLine().getOut().flush();
    }
}
