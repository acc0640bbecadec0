package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code tocsin trigger}: sends an alert event through the PagerDuty-compatible Events API v2. */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Send an alert event (Events API v2) with an integration key; no API token needed.")
final class TriggerCommand implements Runnable {
    @Option(names = "--key", required = true, description = "Integration (routing) key of an events-v2 integration.")
    String key;

    @Option(names = "--summary", description = "What is wrong (required for trigger).")
    String summary;

    @Option(names = "--severity", defaultValue = "error",
            description = "critical, error, warning or info (default ${DEFAULT-VALUE}).")
    String severity;

    @Option(names = "--dedup-key", description = "Dedup key; repeat it to update the same alert, or to acknowledge/resolve it.")
    String dedupKey;

    @Option(names = "--source", description = "Where it happened (default: this host's name).")
    String source;

    @Option(names = "--action", defaultValue = "trigger", description = "trigger, acknowledge or resolve (default ${DEFAULT-VALUE}).")
    String action;

    @Option(names = "--server", defaultValue = "${env:TOCSIN_SERVER:-http://localhost:8080}",
            description = "Tocsin server URL (env TOCSIN_SERVER; default ${DEFAULT-VALUE}).")
    String server;

    @Override
    public void run() {
        if ("trigger".equals(action) && (summary == null || summary.isBlank())) {
            throw new CliException("--summary is required to trigger an alert", 2);
        }
        ObjectNode event = Json.mapper().createObjectNode()
                .put("routing_key", key)
                .put("event_action", action);
        if (dedupKey != null) event.put("dedup_key", dedupKey);
        if ("trigger".equals(action)) {
            event.putObject("payload")
                    .put("summary", summary)
                    .put("severity", severity)
                    .put("source", source != null ? source : hostName());
        }
        JsonNode response = post(event);
        System.out.println(response.path("message").asText("Event processed") + "; dedup_key "
                + response.path("dedup_key").asText());
    }

    private JsonNode post(ObjectNode event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/v2/enqueue"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            if (response.statusCode() >= 300) {
                StringBuilder message = new StringBuilder("server answered " + response.statusCode() + ": "
                        + body.path("message").asText(response.body()));
                for (JsonNode error : body.path("errors")) message.append("\n  ").append(error.asText());
                throw new CliException(message.toString(), 1);
            }
            return body;
        } catch (IOException e) {
            throw new CliException("cannot reach " + server + ": " + e.getMessage(), 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "tocsin-cli";
        }
    }
}
