package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.trace.Channel;
import dev.tocsin.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for Tocsin's REST API, used by the CLI. Errors become a {@link CliException} with the server's message. */
public final class ApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(String server, String token) {
        this.server = server.replaceAll("/+$", "");
        this.token = token;
    }

    public JsonNode get(String path) {
        return json(send(request(path).GET()));
    }

    public String getText(String path) {
        return send(request(path).GET()).body();
    }

    public JsonNode post(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.write(body)))));
    }

    public JsonNode postText(String path, String contentType, String body) {
        return json(send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    public JsonNode put(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body)))));
    }

    public JsonNode patch(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body)))));
    }

    public JsonNode delete(String path) {
        return json(send(request(path).DELETE()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header(Channel.HEADER, "cli");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("cannot reach " + server + ": " + (e.getMessage() == null ? e : e.getMessage()), 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
        if (response.statusCode() >= 400) throw new CliException(describeError(response), 1);
        return response;
    }

    private static String describeError(HttpResponse<String> response) {
        StringBuilder message = new StringBuilder("server answered " + response.statusCode());
        try {
            JsonNode error = Json.mapper().readTree(response.body()).path("error");
            if (error.has("message")) message.append(": ").append(error.get("message").asText());
            for (JsonNode detail : error.path("details")) message.append("\n  ").append(detail.asText());
        } catch (IOException | RuntimeException e) {
            if (!response.body().isBlank()) message.append(": ").append(response.body().strip());
        }
        return message.toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            String body = response.body();
            return body == null || body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new CliException("server sent something that is not JSON: " + e.getMessage(), 3);
        }
    }
}
