package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code tocsin shifts}: the final schedule (or one user's part of it) in a range. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = {"Shifts of a schedule from --from to --to: one line per stretch, 'START END USERS' (USERS '-' for a gap).",
                "Times are instants or local date-times in the schedule's zone."})
final class ShiftsCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--schedule", required = true, paramLabel = "S")
    String schedule;

    @Option(names = "--user", paramLabel = "U", description = "Only this user's shifts.")
    String user;

    @Option(names = "--from", required = true, paramLabel = "T")
    String from;

    @Option(names = "--to", required = true, paramLabel = "T")
    String to;

    @Override
    public void run() {
        JsonNode answer = server.client().get("/api/v1/schedules/" + Paths.encode(schedule) + "/shifts"
                + Paths.query("from", from, "to", to, "user", user));
        PrintWriter out = spec.commandLine().getOut();
        for (JsonNode shift : answer.path("shifts")) {
            List<String> users = new ArrayList<>();
            for (JsonNode each : shift.path("users")) users.add(each.asText());
            out.println(shift.path("start").asText() + "\t" + shift.path("end").asText() + "\t"
                    + (users.isEmpty() ? "-" : String.join(",", users)));
        }
        out.flush();
    }
}
