package dev.tocsin.provider.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;

import java.io.IOException;
import java.util.Map;

/**
 * Microsoft Teams messages through a Workflows webhook ("Post to a channel when a webhook request is
 * received"); the recipient is the workflow's URL, which is a credential and never printed whole. The body is
 * an Adaptive Card of version 1.4 (Workflows rejects later versions) with {@code Action.OpenUrl} buttons only
 * ({@code Action.Submit} does not work through Workflows). Office 365 connector URLs are refused when the
 * configuration is read, since Microsoft retired those connectors.
 */
public final class TeamsSender implements MessageSender {
    static final String CARD_VERSION = "1.4";

    private final ProviderHttp http;

    public TeamsSender(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public SendResult send(String workflowUrl, Message message) {
        ProviderHttp.Response response;
        try {
            response = http.post(workflowUrl, "application/json", Map.of(), body(message));
        } catch (IOException e) {
            return new SendResult.TransientFailure("Teams " + ProviderHttp.redact(workflowUrl) + ": " + ProviderHttp.describe(e));
        }
        int status = response.status();
        if (status == 200 || status == 202) return SendResult.sent();
        String error = "Teams workflow " + ProviderHttp.redact(workflowUrl) + " answered " + status
                + (response.body() == null || response.body().isBlank() ? "" : ": " + ProviderHttp.excerpt(response.body(), 200));
        return ProviderHttp.isTransient(status) ? new SendResult.TransientFailure(error) : new SendResult.PermanentFailure(error);
    }

    static String body(Message message) {
        ObjectNode card = Json.mapper().createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", CARD_VERSION);
        ArrayNode body = card.putArray("body");
        ObjectNode title = textBlock(body, message.subject()).put("weight", "Bolder").put("size", "Medium");
        if (message.urgent()) title.put("color", "Attention");
        if (message.text() != null && !message.text().isBlank()) textBlock(body, message.text());
        for (Message.Fact fact : message.facts()) textBlock(body, "**" + fact.label() + ":** " + fact.value());
        if (!message.actions().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            for (Message.Action action : message.actions()) {
                actions.addObject().put("type", "Action.OpenUrl").put("title", action.label()).put("url", action.url());
            }
        }
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("type", "message");
        ObjectNode attachment = envelope.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card);
        return Json.write(envelope);
    }

    private static ObjectNode textBlock(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    }
}
