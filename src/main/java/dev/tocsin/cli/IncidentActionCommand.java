package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shared shape of {@code tocsin ack N} and {@code tocsin resolve N}. */
abstract class IncidentActionCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "N", description = "Incident number (123 or #123).")
    String number;

    abstract String action();

    abstract String pastTense();

    /** The request body, if the action takes one. */
    Object body() {
        return null;
    }

    @Override
    public void run() {
        String id = IncidentNumbers.parse(number);
        JsonNode result = server.client().post("/api/v1/incidents/" + id + "/" + action(), body());
        JsonNode incident = result.path("incident");
        if (result.path("changed").asBoolean()) {
            System.out.println(incident.path("number").asText() + " " + pastTense() + ": " + incident.path("title").asText());
        } else {
            String message = result.path("message").asText("");
            System.out.println(message.isEmpty() ? incident.path("number").asText() + " unchanged" : message);
        }
    }
}
