package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code tocsin snooze N --for 2h | --until-support-hours}. */
@Command(name = "snooze", mixinStandardHelpOptions = true,
        description = "Snooze incident N: no pages until then, then it is triggered again and pages per its urgency.")
final class SnoozeCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "N", description = "Incident number (123 or #123).")
    String number;

    static final class How {
        @Option(names = "--for", paramLabel = "DURATION", description = "How long, e.g. 30m, 2h, 1d.")
        String duration;

        @Option(names = "--until-support-hours", description = "Until the service's support hours next start.")
        boolean untilSupportHours;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    How how;

    @Override
    public void run() {
        String id = IncidentNumbers.parse(number);
        Map<String, String> body = how.duration != null ? Map.of("for", how.duration) : Map.of("until", "support_hours");
        JsonNode result = server.client().post("/api/v1/incidents/" + id + "/snooze", body);
        System.out.println(result.path("message").asText());
    }
}
