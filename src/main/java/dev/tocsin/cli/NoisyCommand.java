package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code tocsin noisy}: the alerts that paged most, and how much of it outside working hours. */
@Command(name = "noisy", mixinStandardHelpOptions = true,
        description = {"The alerts that paged most in the last days: pages, pages outside the working hours of the person",
                "paged, times fired, times resolved by themselves, the latest incident and what fixed it last time."})
final class NoisyCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "7", description = "How many days back (1-90; default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--limit", defaultValue = "20", description = "How many alerts (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
        JsonNode report = server.client().get("/api/v1/reports/noisy?days=" + days + "&limit=" + limit);
        PrintWriter out = spec.commandLine().getOut();
        if (report.path("alerts").isEmpty()) {
            out.println("No alert fired in the last " + days + " days.");
            out.flush();
            return;
        }
        out.printf("%6s %8s %6s %8s %9s  %s%n", "PAGES", "OUTSIDE", "FIRED", "ITSELF", "LATEST", "ALERT (SERVICE)");
        for (JsonNode alert : report.path("alerts")) {
            out.printf("%6d %8d %6d %8d %9s  %s (%s)%n", alert.path("pages").asInt(), alert.path("pages_outside_working_hours").asInt(),
                    alert.path("fired").asInt(), alert.path("resolved_itself").asInt(), "#" + alert.path("latest_incident").asLong(),
                    alert.path("summary").asText(), alert.path("service_name").asText());
            for (JsonNode note : alert.path("resolution_notes")) {
                out.printf("%40s fixed: %s (%s)%n", "", note.path("note").asText().lines().findFirst().orElse(""),
                        note.path("author").asText());
            }
            if (alert.hasNonNull("open_follow_up")) out.printf("%40s follow-up %s open%n", "", alert.path("open_follow_up").asText());
        }
        out.flush();
    }
}
