package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code tocsin escalate N [--to TARGET]}: one action, as the handbook asks. */
@Command(name = "escalate", mixinStandardHelpOptions = true,
        description = "Escalate incident N now: to the next level of its policy, or --to a person, schedule or team.")
final class EscalateCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "N", description = "Incident number (123 or #123).")
    String number;

    @Option(names = "--to", paramLabel = "TARGET",
            description = "user:ID, schedule:ID or team:ID (default: the policy's next level).")
    String to;

    @Override
    public void run() {
        String id = IncidentNumbers.parse(number);
        JsonNode result = server.client().post("/api/v1/incidents/" + id + "/escalate", to == null ? Map.of() : Map.of("to", to));
        System.out.println(result.path("message").asText());
        String explanation = result.path("paging").path("explanation").asText("");
        if (!explanation.isEmpty()) System.out.println(explanation);
    }
}
