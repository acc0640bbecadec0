package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tocsin take-pager}: "I take the pager for the next 2 hours". */
@Command(name = "take-pager", mixinStandardHelpOptions = true,
        description = {"Put yourself (the token's user) on call in S from now, for a duration or until a time.",
                "Whoever had the pager is told they are off the hook. --until is an instant or a local date-time in S's zone."})
final class TakePagerCommand implements Runnable {
    static final class Length {
        @Option(names = "--for", required = true, paramLabel = "DURATION", description = "e.g. 2h, 1h30m")
        String duration;
        @Option(names = "--until", required = true, paramLabel = "T")
        String until;
    }

    @Mixin
    ServerOptions server;
    @Spec
    CommandSpec spec;
    @Option(names = "--schedule", required = true, paramLabel = "S")
    String schedule;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;
    @Option(names = "--reason")
    String reason;

    @Override
    public void run() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (length.duration != null) body.put("for", length.duration);
        if (length.until != null) body.put("until", length.until);
        if (reason != null) body.put("reason", reason);
        JsonNode override = server.client().post("/api/v1/schedules/" + Paths.encode(schedule) + "/take-pager", body)
                .path("override");
        PrintWriter out = spec.commandLine().getOut();
        out.println(override.path("id").asText() + "\t" + override.path("user_id").asText() + " has the pager for "
                + override.path("schedule_id").asText() + " until " + override.path("end").asText());
        out.flush();
    }
}
