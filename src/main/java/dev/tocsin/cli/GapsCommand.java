package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code tocsin gaps}: time with nobody on call in the coming days. */
@Command(name = "gaps", mixinStandardHelpOptions = true,
        description = "Time with nobody on call from now: one line per gap, 'SCHEDULE START END'; nothing when covered.")
final class GapsCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "How far ahead (default ${DEFAULT-VALUE}).")
    int days;

    @Override
    public void run() {
        JsonNode answer = server.client().get("/api/v1/gaps" + Paths.query("days", Integer.toString(days)));
        PrintWriter out = spec.commandLine().getOut();
        for (JsonNode gap : answer.path("gaps")) {
            out.println(gap.path("schedule_id").asText() + "\t" + gap.path("start").asText() + "\t" + gap.path("end").asText());
        }
        out.flush();
    }
}
