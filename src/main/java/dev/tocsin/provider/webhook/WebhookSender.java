package dev.tocsin.provider.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.secret.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic outgoing webhook (contact method {@code webhook}): a JSON POST of the page (subject, text,
 * urgency, facts, actions) signed as Standard Webhooks says. {@code webhook-id} names the message and stays the
 * same on every retry so the receiver can drop duplicates; {@code webhook-timestamp} is the time of this
 * attempt; {@code webhook-signature} is present when the contact method has a secret. Redirects are not
 * followed (3xx is a permanent failure), 410 means the endpoint is gone, 429 and 5xx are worth retrying.
 */
public final class WebhookSender {
    static final String EVENT_TYPE = "incident.page";
    private static final int GONE = 410;

    private final ProviderHttp http;
    private final Clock clock;

    public WebhookSender(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param secret    the contact method's secret ({@code whsec_…}), or null to send unsigned
     * @param messageId the caller's id for this message (the notification's id), the same on every retry; or null
     *                  to derive one from the endpoint and the body, which is just as stable for the same message
     */
    public SendResult send(String url, Secret secret, Message message, String messageId) {
        String body = body(message);
        String id = messageId != null ? messageId : derivedId(url, body);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        if (secret != null) {
            byte[] key = WebhookSignature.key(secret.value()).orElse(null);
            if (key == null) return new SendResult.PermanentFailure("webhook secret is not whsec_ + base64 of 24–64 bytes");
            headers.put("webhook-signature", WebhookSignature.sign(key, id, timestamp, body));
        }
        ProviderHttp.Response response;
        try {
            response = http.post(url, "application/json", headers, body);
        } catch (IOException e) {
            return new SendResult.TransientFailure("webhook " + ProviderHttp.redact(url) + ": " + ProviderHttp.describe(e));
        }
        int status = response.status();
        if (response.isSuccess()) return SendResult.sent(id);
        String error = "webhook " + ProviderHttp.redact(url) + " answered " + status;
        if (status == GONE) return new SendResult.PermanentFailure(error + ": endpoint gone");
        if (status >= 300 && status < 400) return new SendResult.PermanentFailure(error + ": redirects are not followed");
        if (ProviderHttp.isTransient(status)) {
            return new SendResult.TransientFailure(error + response.header("Retry-After").map(after -> ", retry after " + after).orElse(""));
        }
        return new SendResult.PermanentFailure(error);
    }

    /** This sender as a {@link MessageSender} whose recipient is the URL, signing with {@code secret} (or not, if null). */
    public MessageSender signedWith(Secret secret) {
        return (url, message) -> send(url, secret, message, null);
    }

    static String body(Message message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", EVENT_TYPE);
        ObjectNode data = body.putObject("data");
        data.put("subject", message.subject());
        data.put("text", message.text());
        data.put("urgent", message.urgent());
        ArrayNode facts = data.putArray("facts");
        for (Message.Fact fact : message.facts()) facts.addObject().put("label", fact.label()).put("value", fact.value());
        ArrayNode actions = data.putArray("actions");
        for (Message.Action action : message.actions()) {
            actions.addObject().put("label", action.label()).put("url", action.url()).put("opens", action.opens());
        }
        return Json.write(body);
    }

    /** {@code msg_} + the first 16 bytes of SHA-256(url, body) in hex: the same message to the same endpoint, the same id. */
    static String derivedId(String url, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((url + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
