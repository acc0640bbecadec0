package dev.tocsin.provider.ntfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Push notifications through ntfy ({@code providers.ntfy}; the recipient is the topic). Publishes with ntfy's
 * JSON variant (POST to the server root with {@code topic}) rather than headers, because titles and action
 * labels in headers break on non-ASCII text. High-urgency pages get priority 5 (ntfy's "urgent", which
 * phones may let through Do Not Disturb), others 3; links that only open a page become {@code view} actions,
 * links that act (acknowledge, resolve) become {@code http} POST actions.
 */
public final class NtfySender implements MessageSender {
    /** ntfy's limit on a message body; larger bodies would turn into attachments or be refused (40014). */
    public static final int MAX_MESSAGE_BYTES = 4_096;
    /** ntfy shows at most three action buttons. */
    public static final int MAX_ACTIONS = 3;
    static final int URGENT_PRIORITY = 5;
    static final int DEFAULT_PRIORITY = 3;

    private final NtfySettings settings;
    private final ProviderHttp http;

    public NtfySender(NtfySettings settings, ProviderHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** Publishes to {@code topic} on the configured server. */
    @Override
    public SendResult send(String topic, Message message) {
        return send(null, topic, message);
    }

    /**
     * Publishes to {@code topic} on {@code server} (a contact method's own server), or on the configured one
     * when null. The configured token is only sent to the configured server: it means nothing elsewhere and
     * must not leak to a server someone else runs.
     */
    public SendResult send(String server, String topic, Message message) {
        String base = trimSlash(server == null ? settings.url() : server);
        boolean ownServer = server == null || base.equals(trimSlash(settings.url()));
        Map<String, String> headers = new HashMap<>();
        if (ownServer && settings.token() != null) headers.put("Authorization", "Bearer " + settings.token().value());
        ProviderHttp.Response response;
        try {
            response = http.post(base + "/", "application/json", headers, body(topic, message));
        } catch (IOException e) {
            return new SendResult.TransientFailure("ntfy " + ProviderHttp.redact(base) + ": " + ProviderHttp.describe(e));
        }
        return outcome(response);
    }

    static String body(String topic, Message message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("topic", topic);
        body.put("title", message.subject());
        body.put("message", cut(message.text() == null || message.text().isBlank() ? message.subject() : message.text(), MAX_MESSAGE_BYTES));
        body.put("priority", message.urgent() ? URGENT_PRIORITY : DEFAULT_PRIORITY);
        body.putArray("tags").add(message.urgent() ? "rotating_light" : "warning");
        message.actions().stream().filter(Message.Action::opens).findFirst().ifPresent(open -> body.put("click", open.url()));
        if (!message.actions().isEmpty()) {
            ArrayNode actions = body.putArray("actions");
            for (Message.Action action : message.actions().stream().limit(MAX_ACTIONS).toList()) {
                ObjectNode node = actions.addObject();
                node.put("action", action.opens() ? "view" : "http");
                node.put("label", action.label());
                node.put("url", action.url());
                if (!action.opens()) {
                    node.put("method", "POST");
                    // Cleared only when the action succeeded: a failed acknowledge stays visible.
                    node.put("clear", true);
                }
            }
        }
        return Json.write(body);
    }

    private static SendResult outcome(ProviderHttp.Response response) {
        int status = response.status();
        JsonNode answer = parse(response.body());
        if (status == 200) return SendResult.sent(answer.path("id").asText(null));
        String error = "ntfy answered " + status + describeError(answer, response.body());
        return ProviderHttp.isTransient(status) ? new SendResult.TransientFailure(error) : new SendResult.PermanentFailure(error);
    }

    private static String describeError(JsonNode answer, String raw) {
        if (answer.has("code") || answer.has("error")) {
            return ": " + answer.path("code").asText("") + " " + answer.path("error").asText("");
        }
        return raw == null || raw.isBlank() ? "" : ": " + ProviderHttp.excerpt(raw, 200);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes, never inside a character, marked with "…". */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return text;
        String marker = "…";
        int room = maxBytes - marker.getBytes(StandardCharsets.UTF_8).length;
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(room);
        CharBuffer in = CharBuffer.wrap(text);
        encoder.encode(in, out, true); // stops before the first character that does not fit whole
        return text.substring(0, in.position()) + marker;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
