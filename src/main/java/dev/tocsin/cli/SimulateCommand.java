package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code tocsin simulate}: who would be notified when and how, if the service's incident opened at a time. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Who would be notified when and how if an incident opened on the service at TIME, computed by the",
                "paging engine's own rules on a virtual clock; nothing is sent. One line per step in time order:",
                "offset, person, channel (contact method type and id), level. Lines with '-' as the person are",
                "escalation events. TIME is an instant (2026-12-24T02:00:00Z) or a local date-time (2026-12-24T03:00)",
                "in the zone of the first schedule the service's policy names, else UTC. Without --ack-after, runs",
                "until the policy is exhausted (repeats included). Round-robin levels start from the policy's stored",
                "turns (shown as '# round robin' lines; the simulation does not take them). '# cannot know' lines",
                "list what a simulation cannot foresee: provider failures, throttles, what people do."})
final class SimulateCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "S", description = "A service id.")
    String service;

    @Option(names = "--at", paramLabel = "TIME", description = "When the incident opens; default now.")
    String at;

    @Option(names = "--ack-after", paramLabel = "DURATION", description = "Someone acknowledges this long after TIME, e.g. 20m.")
    String ackAfter;

    @Option(names = "--urgency", paramLabel = "U", description = "high (default) or low.")
    String urgency;

    @Override
    public void run() {
        JsonNode answer = server.client().get("/api/v1/services/" + Paths.encode(service) + "/simulate"
                + Paths.query("at", at, "ack_after", ackAfter, "urgency", urgency));
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + answer.path("service_id").asText() + " (policy " + answer.path("escalation_policy_id").asText()
                + ", " + answer.path("urgency").asText() + " urgency) from " + answer.path("local_time").asText()
                + " (" + answer.path("at").asText() + ")"
                + (answer.path("ack_after").isNull() ? ", nobody acknowledges" : ", acknowledged after " + answer.path("ack_after").asText()));
        for (JsonNode turn : answer.path("round_robin")) out.println("# " + roundRobin(turn));
        for (JsonNode unknown : answer.path("cannot_know")) out.println("# cannot know: " + unknown.asText());
        for (JsonNode step : answer.path("steps")) {
            if (step.path("kind").asText().equals("notify")) {
                JsonNode method = step.path("contact_method");
                out.println(step.path("offset").asText() + "\t" + step.path("user").asText() + "\t"
                        + method.path("type").asText() + " " + method.path("id").asText() + "\tlevel "
                        + step.path("level").asInt() + (step.path("round").asInt() > 1 ? ", round " + step.path("round").asInt() : ""));
            } else {
                out.println(step.path("offset").asText() + "\t-\t" + step.path("message").asText());
            }
        }
        out.flush();
    }

    /** {@code round robin level 2: turn 2 of 3 (ben) at +15m, from stored position 1}. */
    private static String roundRobin(JsonNode turn) {
        String stored = !turn.path("stored_position").isNumber() ? "no turn stored yet"
                : "from stored position " + turn.path("stored_position").asInt();
        if (!turn.path("user").isTextual()) return "round robin level " + turn.path("level").asInt() + ": not reached, " + stored;
        return "round robin level " + turn.path("level").asInt() + ": turn " + turn.path("turn").asInt() + " of "
                + turn.path("of").asInt() + " (" + turn.path("user").asText() + ") at " + turn.path("offset").asText()
                + ", " + stored;
    }
}
