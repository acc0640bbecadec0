package dev.tocsin.provider.smsgateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmsGatewaySettings;
import dev.tocsin.provider.SmsGatewaySettings.BodyFormat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a text message through a configured HTTP SMS gateway (SMS Gateway for Android, Vonage, Plivo, …): fills
 * the body template, sends the configured headers, and reads the answer with the configured success rule.
 * Header values may carry credentials: they never appear in errors or logs.
 */
public final class SmsGatewaySender implements MessageSender {
    /** How long one request may take before it counts as a transient failure. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How much of a rejecting answer's body is kept in the error, to tell the operator why. */
    static final int ERROR_BODY_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsGatewaySettings settings;
    private final HttpClient http;
    private final Duration timeout;

    public SmsGatewaySender(SmsGatewaySettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    public SmsGatewaySender(SmsGatewaySettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public SendResult send(String recipient, Message message) {
        String text = message.text() == null ? "" : message.text();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url())).timeout(timeout);
        boolean hasContentType = false;
        for (var header : settings.headers().entrySet()) {
            request.header(header.getKey(), header.getValue().value());
            hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (settings.body() != null) {
            body = HttpRequest.BodyPublishers.ofString(fill(settings.body(), recipient, text, settings.format()));
            if (!hasContentType) request.header("Content-Type", settings.format().contentType());
        }
        request.method(settings.method(), body);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.TransientFailure("sms gateway: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.TransientFailure("sms gateway: interrupted");
        }
        return interpret(settings.success(), response.statusCode(), response.body());
    }

    static SendResult interpret(SmsGatewaySettings.SuccessRule rule, int status, String body) {
        String text = body == null ? "" : body;
        if (!rule.statuses().contains(status)) {
            String error = "sms gateway answered HTTP " + status + excerpt(text);
            return status == 429 || status >= 500 ? new SendResult.TransientFailure(error)
                    : new SendResult.PermanentFailure(error);
        }
        if (rule.bodyContains() != null && !text.contains(rule.bodyContains())) {
            return new SendResult.PermanentFailure("sms gateway answer lacks '" + rule.bodyContains() + "'" + excerpt(text));
        }
        JsonNode json = parse(text);
        if (rule.jsonPath() != null) {
            JsonNode value = json == null ? null : at(json, rule.jsonPath());
            String found = value == null || value.isMissingNode() || value.isNull() ? null : value.asText();
            if (!rule.jsonEquals().equals(found)) {
                return new SendResult.PermanentFailure("sms gateway answer has " + rule.jsonPath() + " = "
                        + (found == null ? "nothing" : "'" + found + "'") + ", not '" + rule.jsonEquals() + "'"
                        + excerpt(text));
            }
        }
        return SendResult.sent(json == null ? null : providerId(json));
    }

    /** The value at a dot-separated path; numeric segments index arrays. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            if (node == null) return null;
            node = node.isArray() && segment.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(segment))
                    : node.get(segment);
        }
        return node;
    }

    /** The id the common gateways return: Android gateway {@code id}, Vonage {@code message-id}, Plivo {@code message_uuid}. */
    private static String providerId(JsonNode json) {
        if (json.hasNonNull("id") && json.get("id").isValueNode()) return json.get("id").asText();
        JsonNode vonage = at(json, "messages.0.message-id");
        if (vonage != null && vonage.isValueNode()) return vonage.asText();
        JsonNode plivo = at(json, "message_uuid.0");
        if (plivo != null && plivo.isValueNode()) return plivo.asText();
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        if (body.isBlank()) return "";
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > ERROR_BODY_CHARS ? flat.substring(0, ERROR_BODY_CHARS) + "…" : flat);
    }

    /** The template with {@code {{to}}} and {@code {{message}}} filled in, escaped for where they land. */
    static String fill(String template, String to, String message, BodyFormat format) {
        return template.replace("{{to}}", escape(to, format)).replace("{{message}}", escape(message, format));
    }

    private static String escape(String value, BodyFormat format) {
        if (format == BodyFormat.JSON) return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
