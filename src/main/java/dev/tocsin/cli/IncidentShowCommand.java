package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code tocsin incidents show N}: one incident with its runbook, alerts and timeline. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one incident: its facts, runbook, alerts and timeline.")
final class IncidentShowCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The incident number (42 or #42).")
    String number;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public void run() {
        String id = IncidentNumbers.parse(number);
        JsonNode details = server.client().get("/api/v1/incidents/" + id);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(details.toPrettyString());
            out.flush();
            return;
        }
        JsonNode incident = details.path("incident");
        out.println(incident.path("number").asText() + " " + incident.path("title").asText());
        out.println("Status:   " + incident.path("status").asText());
        out.println("Urgency:  " + incident.path("urgency").asText());
        out.println("Service:  " + incident.path("service_id").asText()
                + (details.path("service_name").isTextual() ? " (" + details.path("service_name").asText() + ")" : ""));
        out.println("Opened:   " + incident.path("created_at").asText());
        JsonNode triage = details.path("triage");
        if (triage.path("priority").isTextual()) out.println("Priority: " + triage.path("priority").asText());
        if (triage.path("runbook").isTextual()) out.println("Runbook:  " + triage.path("runbook").asText());
        if (triage.path("group_key").isTextual()) out.println("Group:    " + triage.path("group_key").asText());
        out.println("Alerts:   " + details.path("alerts").size());
        out.println("Timeline:");
        for (JsonNode entry : details.path("timeline")) {
            out.println("  " + entry.path("at").asText() + "  " + entry.path("message").asText());
        }
        out.flush();
    }
}
