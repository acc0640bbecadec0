package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code tocsin test-page --user U --via M}: does the phone let Tocsin through Do Not Disturb? */
@Command(name = "test-page", mixinStandardHelpOptions = true,
        description = "Send a test notification to one of a user's contact methods and report how it went.")
final class TestPageCommand implements Runnable {
    /** How long to wait for the provider's answer before reporting the notification as still on its way. */
    static final int WAIT_SECONDS = 20;

    @Mixin
    ServerOptions server;

    @Option(names = "--user", required = true, paramLabel = "U", description = "User id.")
    String user;

    @Option(names = "--via", required = true, paramLabel = "M", description = "Contact method id, e.g. alice-sms.")
    String via;

    @Override
    public void run() {
        ApiClient client = server.client();
        JsonNode accepted = client.post("/api/v1/users/" + user + "/test-page", Map.of("via", via));
        long id = accepted.path("notification_id").asLong();
        JsonNode notification = client.get("/api/v1/notifications/" + id);
        for (int i = 0; i < WAIT_SECONDS * 4 && !settled(notification); i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            notification = client.get("/api/v1/notifications/" + id);
        }
        String status = notification.path("status").asText();
        String error = notification.path("error").asText("");
        System.out.println("Test page " + id + " to " + user + " via " + via + ": " + status
                + (notification.hasNonNull("provider_id") ? " (" + notification.path("provider").asText() + " "
                + notification.path("provider_id").asText() + ")" : "")
                + (error.isEmpty() ? "" : ": " + error));
        if (status.equals("failed")) throw new CliException("the test page failed", 1);
    }

    private static boolean settled(JsonNode notification) {
        String status = notification.path("status").asText();
        return status.equals("sent") || status.equals("delivered") || status.equals("failed") || status.equals("cancelled");
    }
}
