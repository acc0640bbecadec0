package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code tocsin who}: who is on call now or at a time, one line per person starting with the user's id. */
@Command(name = "who", mixinStandardHelpOptions = true,
        description = {"Who is on call: one line per person, starting with the user's id; nothing (exit 0) when nobody is.",
                "Without --schedule or --service, every schedule. TIME is an instant (2027-03-29T07:30:00Z) or a local",
                "date-time (2027-03-29T09:30) in the schedule's zone (UTC for --service)."})
final class WhoCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--schedule", paramLabel = "S", description = "A schedule id.")
    String schedule;

    @Option(names = "--service", paramLabel = "SV", description = "A service id: its escalation policy's first level.")
    String service;

    @Option(names = "--at", paramLabel = "TIME", description = "Default now.")
    String at;

    @Override
    public void run() {
        if (schedule != null && service != null) throw new CliException("give --schedule or --service, not both", 2);
        ApiClient client = server.client();
        PrintWriter out = spec.commandLine().getOut();
        if (service != null) {
            JsonNode answer = client.get("/api/v1/services/" + Paths.encode(service) + "/oncall" + Paths.query("at", at));
            for (JsonNode user : answer.path("users")) out.println(user.asText() + "\tservice " + service);
        } else if (schedule != null) {
            printSchedule(client, out, schedule);
        } else {
            for (JsonNode each : client.get("/api/v1/schedules").path("schedules")) {
                printSchedule(client, out, each.path("id").asText());
            }
        }
        out.flush();
    }

    private void printSchedule(ApiClient client, PrintWriter out, String scheduleId) {
        JsonNode answer = client.get("/api/v1/schedules/" + Paths.encode(scheduleId) + "/oncall" + Paths.query("at", at));
        String until = answer.path("next").path("start").asText("");
        for (JsonNode user : answer.path("users")) {
            out.println(user.asText() + "\tschedule " + scheduleId + (until.isEmpty() ? "" : "\tuntil " + until));
        }
    }
}
