package dev.tocsin.provider.twilio;

import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.TwilioSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places a paging call through Twilio ({@code POST …/Calls.json}). The call passes {@code Url} =
 * {@code {public_url}/webhooks/twilio/voice?incident=N} rather than inline {@code Twiml}: Tocsin then speaks the
 * incident as it is when the person answers (already acknowledged by a colleague, say), not as it was when the
 * call was placed, and the 4000-character limit never applies.
 */
public final class TwilioVoice implements MessageSender {
    /** Seconds to let the phone ring: shorter than Twilio's 60 so voicemail does not answer the page. */
    public static final int DEFAULT_RING_SECONDS = 30;

    private final TwilioSettings settings;
    private final String publicUrl;
    private final TwilioClient client;

    public TwilioVoice(TwilioSettings settings, String publicUrl) {
        this(settings, publicUrl, TwilioClient.DEFAULT_TIMEOUT);
    }

    public TwilioVoice(TwilioSettings settings, String publicUrl, Duration timeout) {
        this.settings = settings;
        this.publicUrl = trimSlash(publicUrl);
        this.client = new TwilioClient(settings, timeout);
    }

    /** Calls about one incident. */
    public SendResult call(String recipient, long incidentId) {
        return place(recipient, publicUrl + "/webhooks/twilio/voice?incident=" + incidentId);
    }

    /**
     * A call about no incident (a test page, a verification code): Twilio speaks the message's text, twice so
     * a code can be written down, from inline TwiML ({@code Twiml}); nothing is asked.
     */
    @Override
    public SendResult send(String recipient, Message message) {
        String text = message.text() == null ? "This is a call from Tocsin." : message.text();
        return place(recipient, null, TwiML.sayTwice(text.length() > MAX_SPOKEN ? text.substring(0, MAX_SPOKEN) : text));
    }

    /** Twilio accepts inline TwiML up to 4000 characters; spoken twice plus markup stays under it. */
    static final int MAX_SPOKEN = 1800;

    private SendResult place(String recipient, String url) {
        return place(recipient, url, null);
    }

    private SendResult place(String recipient, String url, String twiml) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", recipient);
        form.put("From", settings.from());
        if (url != null) form.put("Url", url);
        if (twiml != null) form.put("Twiml", twiml);
        form.put("StatusCallback", publicUrl + "/webhooks/twilio/status");
        form.put("Timeout", Integer.toString(DEFAULT_RING_SECONDS));
        return client.post("Calls.json", form);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
