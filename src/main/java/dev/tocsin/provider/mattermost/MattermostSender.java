package dev.tocsin.provider.mattermost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mattermost messages through an incoming webhook ({@code POST {server}/hooks/{id}}); the recipient is the
 * hook URL, which is a credential and never printed whole. The Markdown text carries the subject, the body
 * and the actions as links; an attachment carries the facts as fields and links its title to the incident.
 */
public final class MattermostSender implements MessageSender {
    static final String URGENT_COLOR = "#d00000";
    static final String DEFAULT_COLOR = "#f2a900";
    /** 501 means webhooks are disabled on the server: an administrator must act, waiting will not help. */
    private static final int WEBHOOKS_DISABLED = 501;

    private final ProviderHttp http;

    public MattermostSender(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public SendResult send(String hookUrl, Message message) {
        ProviderHttp.Response response;
        try {
            response = http.post(hookUrl, "application/json", Map.of(), body(message));
        } catch (IOException e) {
            return new SendResult.TransientFailure("Mattermost " + ProviderHttp.redact(hookUrl) + ": " + ProviderHttp.describe(e));
        }
        int status = response.status();
        if (status == 200) return SendResult.sent();
        String error = "Mattermost " + ProviderHttp.redact(hookUrl) + " answered " + status + appError(response.body());
        return ProviderHttp.isTransient(status) && status != WEBHOOKS_DISABLED
                ? new SendResult.TransientFailure(error) : new SendResult.PermanentFailure(error);
    }

    static String body(Message message) {
        StringBuilder text = new StringBuilder("#### ").append(message.subject());
        if (message.text() != null && !message.text().isBlank()) text.append("\n").append(message.text());
        if (!message.actions().isEmpty()) {
            text.append("\n").append(message.actions().stream()
                    .map(action -> "[" + action.label() + "](" + action.url() + ")").collect(Collectors.joining(" · ")));
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("text", text.toString());
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("fallback", message.subject());
        attachment.put("color", message.urgent() ? URGENT_COLOR : DEFAULT_COLOR);
        attachment.put("title", message.subject());
        message.actions().stream().filter(Message.Action::opens).findFirst()
                .ifPresent(open -> attachment.put("title_link", open.url()));
        ArrayNode fields = attachment.putArray("fields");
        for (Message.Fact fact : message.facts()) {
            fields.addObject().put("title", fact.label()).put("value", fact.value()).put("short", true);
        }
        return Json.write(body);
    }

    /** The {@code message} of Mattermost's AppError JSON, or an excerpt of whatever came back. */
    private static String appError(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode error = Json.mapper().readTree(body);
            if (error.hasNonNull("message")) return ": " + error.get("message").asText() + " (" + error.path("id").asText("") + ")";
        } catch (IOException e) {
            // not JSON: quote it below
        }
        return ": " + ProviderHttp.excerpt(body, 200);
    }
}
