package dev.tocsin.provider.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.TwilioSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts one form to Twilio's REST API ({@code /2010-04-01/Accounts/{sid}/…}) with HTTP Basic auth and turns the
 * answer into a {@link SendResult}: 201 sent with its sid; 429, 5xx and I/O failures transient; other 4xx
 * permanent, carrying Twilio's error {@code code} and {@code message}.
 */
final class TwilioClient {
    /** How long one request to Twilio may take before it counts as a transient failure. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioSettings settings;
    private final HttpClient http;
    private final Duration timeout;

    TwilioClient(TwilioSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    SendResult post(String resource, Map<String, String> form) {
        String sid = settings.accountSid().value();
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl().substring(0, settings.apiUrl().length() - 1)
                : settings.apiUrl();
        URI uri = URI.create(base + "/2010-04-01/Accounts/" + URLEncoder.encode(sid, StandardCharsets.UTF_8)
                + "/" + resource);
        String credentials = Base64.getEncoder().encodeToString(
                (sid + ":" + settings.authToken().value()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.TransientFailure("twilio: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.TransientFailure("twilio: interrupted");
        }
        return interpret(response.statusCode(), response.body());
    }

    static SendResult interpret(int status, String body) {
        JsonNode json = parse(body);
        if (status == 200 || status == 201) {
            String sid = json == null ? null : json.path("sid").asText(null);
            return SendResult.sent(sid);
        }
        String detail = "HTTP " + status;
        if (json != null && json.has("code")) {
            detail = "Twilio error " + json.path("code").asText() + ": " + json.path("message").asText("")
                    + " (HTTP " + status + ")";
        }
        if (status == 429 || status >= 500) return new SendResult.TransientFailure(detail);
        return new SendResult.PermanentFailure(detail);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
