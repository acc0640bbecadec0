package dev.tocsin.provider.twilio;

import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.TwilioSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a text message through Twilio ({@code POST …/Messages.json}). Delivery reports come back to
 * {@code {public_url}/webhooks/twilio/status}.
 */
public final class TwilioSms implements MessageSender {
    /** Twilio rejects bodies longer than this many characters. */
    public static final int MAX_BODY = 1600;

    private final TwilioSettings settings;
    private final String publicUrl;
    private final TwilioClient client;

    public TwilioSms(TwilioSettings settings, String publicUrl) {
        this(settings, publicUrl, TwilioClient.DEFAULT_TIMEOUT);
    }

    public TwilioSms(TwilioSettings settings, String publicUrl, Duration timeout) {
        this.settings = settings;
        this.publicUrl = TwilioVoice.trimSlash(publicUrl);
        this.client = new TwilioClient(settings, timeout);
    }

    @Override
    public SendResult send(String recipient, Message message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", recipient);
        form.put("From", settings.from());
        form.put("Body", truncate(message.text(), MAX_BODY));
        form.put("StatusCallback", publicUrl + "/webhooks/twilio/status");
        return client.post("Messages.json", form);
    }

    /**
     * Cuts a text to at most {@code max} characters, keeping its last line (where a page's reply instructions
     * are) and shortening what comes before it, so a long title never swallows "Reply 4 to acknowledge".
     */
    static String truncate(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        int lastBreak = text.lastIndexOf('\n');
        String tail = lastBreak >= 0 && text.length() - lastBreak < max / 2 ? text.substring(lastBreak) : "";
        int keep = max - tail.length() - 1;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) keep--;
        return text.substring(0, keep) + "…" + tail;
    }
}
