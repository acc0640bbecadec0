package dev.tocsin.provider.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SlackSettings;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Slack messages through the Web API's {@code chat.postMessage} ({@code providers.slack}). The recipient is
 * a member id (Slack opens the direct message with the app) or a channel; {@link #sendToOpsChannel} posts to
 * the configured ops channel. The message carries a header, the text, the incident's facts as fields and
 * the actions as URL buttons. The provider id of a sent message is its {@code ts}.
 */
public final class SlackSender implements MessageSender {
    /** Slack limits: header text 150 characters, section text 3,000, ten fields, button text 75. */
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3_000;
    static final int MAX_FIELDS = 10;
    static final int MAX_BUTTON = 75;
    /** Errors Slack documents as passing: worth another attempt later. Every other error is permanent. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final SlackSettings settings;
    private final ProviderHttp http;

    public SlackSender(SlackSettings settings, ProviderHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public SendResult send(String channel, Message message) {
        String url = settings.apiUrl() + "/chat.postMessage";
        ProviderHttp.Response response;
        try {
            response = http.post(url, "application/json; charset=utf-8",
                    Map.of("Authorization", "Bearer " + settings.botToken().value()), body(channel, message));
        } catch (IOException e) {
            return new SendResult.TransientFailure("Slack: " + ProviderHttp.describe(e));
        }
        return outcome(response);
    }

    /** Posts to {@code providers.slack.ops_channel}; a permanent failure when none is configured. */
    public SendResult sendToOpsChannel(Message message) {
        if (settings.opsChannel() == null) return new SendResult.PermanentFailure("providers.slack.ops_channel is not set");
        return send(settings.opsChannel(), message);
    }

    static String body(String channel, Message message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("channel", channel);
        // The top-level text is what notifications and screen readers show.
        body.put("text", escape(message.subject()));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(message.subject(), MAX_HEADER));
        if (message.text() != null && !message.text().isBlank()) {
            blocks.addObject().put("type", "section").putObject("text")
                    .put("type", "mrkdwn").put("text", cut(escape(message.text()), MAX_SECTION));
        }
        if (!message.facts().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            for (Message.Fact fact : message.facts().stream().limit(MAX_FIELDS).toList()) {
                fields.addObject().put("type", "mrkdwn").put("text", "*" + escape(fact.label()) + "*\n" + escape(fact.value()));
            }
        }
        if (!message.actions().isEmpty()) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            int index = 0;
            for (Message.Action action : message.actions()) {
                ObjectNode button = elements.addObject().put("type", "button");
                button.putObject("text").put("type", "plain_text").put("text", cut(action.label(), MAX_BUTTON));
                button.put("url", action.url());
                button.put("action_id", "tocsin-link-" + index++);
            }
        }
        return Json.write(body);
    }

    private static SendResult outcome(ProviderHttp.Response response) {
        int status = response.status();
        if (status == 429) {
            return new SendResult.TransientFailure("Slack rate limit (429), retry after "
                    + response.header("Retry-After").orElse("?") + " s");
        }
        if (status != 200) {
            String error = "Slack answered " + status;
            return ProviderHttp.isTransient(status) ? new SendResult.TransientFailure(error) : new SendResult.PermanentFailure(error);
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return new SendResult.TransientFailure("Slack answered 200 without JSON");
        }
        if (answer.path("ok").asBoolean(false)) return SendResult.sent(answer.path("ts").asText(null));
        String error = answer.path("error").asText("unknown_error");
        return TRANSIENT_ERRORS.contains(error)
                ? new SendResult.TransientFailure("Slack: " + error)
                : new SendResult.PermanentFailure("Slack: " + error);
    }

    /** Slack's mrkdwn treats {@code & < >} as control characters; user text must not make links or mentions. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
