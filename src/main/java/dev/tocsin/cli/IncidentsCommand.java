package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** {@code tocsin incidents}: lists incidents, newest first, one line each. */
@Command(name = "incidents", mixinStandardHelpOptions = true, description = "List incidents, newest first.",
        subcommands = {IncidentShowCommand.class, IncidentMergeCommand.class, IncidentRenameCommand.class})
final class IncidentsCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--status", description = "triggered, acknowledged, resolved, or open (= triggered,acknowledged); comma-separated.")
    String status;

    @Option(names = "--urgency", description = "high or low.")
    String urgency;

    @Option(names = "--service", description = "Only this service.")
    String service;

    @Option(names = "--team", description = "Only services of this team.")
    String team;

    @Option(names = "--assigned-to", description = "Only incidents assigned to this user.")
    String assignedTo;

    @Option(names = "--limit", defaultValue = "25", description = "At most this many (default ${DEFAULT-VALUE}, max 100).")
    int limit;

    @Option(names = "--json", description = "Print the API's JSON instead of a table.")
    boolean json;

    @Override
    public void run() {
        StringBuilder query = new StringBuilder("/api/v1/incidents?limit=").append(limit);
        append(query, "status", status);
        append(query, "urgency", urgency);
        append(query, "service", service);
        append(query, "team", team);
        append(query, "assigned_to", assignedTo);
        JsonNode page = server.client().get(query.toString());
        if (json) {
            System.out.println(page.toPrettyString());
            return;
        }
        JsonNode incidents = page.path("incidents");
        if (incidents.isEmpty()) {
            System.out.println("No incidents.");
            return;
        }
        System.out.printf("%-7s %-13s %-5s %-20s %-8s %-16s %s%n", "NUMBER", "STATUS", "URG", "SERVICE", "AGE", "ASSIGNED", "TITLE");
        Instant now = Instant.now();
        for (JsonNode incident : incidents) {
            java.util.List<String> assignees = new java.util.ArrayList<>();
            incident.path("assignees").forEach(user -> assignees.add(user.asText()));
            System.out.printf("%-7s %-13s %-5s %-20s %-8s %-16s %s%n",
                    incident.path("number").asText(), incident.path("status").asText(),
                    incident.path("urgency").asText(), incident.path("service_id").asText(),
                    age(Instant.parse(incident.path("created_at").asText()), now),
                    assignees.isEmpty() ? "-" : String.join(",", assignees), incident.path("title").asText());
        }
    }

    static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.isNegative()) age = Duration.ZERO;
        if (age.toDays() > 0) return age.toDays() + "d" + age.toHoursPart() + "h";
        if (age.toHours() > 0) return age.toHours() + "h" + age.toMinutesPart() + "m";
        if (age.toMinutes() > 0) return age.toMinutes() + "m";
        return age.toSeconds() + "s";
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
