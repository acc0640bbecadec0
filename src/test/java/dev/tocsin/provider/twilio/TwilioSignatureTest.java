package dev.tocsin.provider.twilio;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vectors computed independently with Python's hmac module:
 * {@code base64(hmac.new(token, url + "".join(k + v for k in sorted(params)), sha1).digest())}.
 */
class TwilioSignatureTest {
    private static final String TOKEN = "tok-secret";
    private static final Map<String, List<String>> SMS = Map.of(
            "From", List.of("+15550001111"), "Body", List.of("4 123"),
            "To", List.of("+15559998888"), "MessageSid", List.of("SM0001"));

    @Test
    void matchesTwilioDocumentedExample() {
        Map<String, List<String>> form = Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+12349013030"), "Digits", List.of("1234"),
                "From", List.of("+12349013030"), "To", List.of("+18005551212"));
        assertThat(TwilioSignature.compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void acceptsFormPostSignedWithoutPort() {
        assertThat(TwilioSignature.valid(TOKEN, "https://tocsin.example.com/webhooks/twilio/sms", SMS,
                "8b3wa7aHSk5aFOpJQr1BNge6OEM=")).isTrue();
    }

    @Test
    void acceptsUrlWithAndWithoutExplicitDefaultPort() {
        // Twilio signed with ":443"; our public URL has none.
        assertThat(TwilioSignature.valid(TOKEN, "https://tocsin.example.com/webhooks/twilio/sms", SMS,
                "5Sa8SGPecLLyhe8qC35FRck+USQ=")).isTrue();
        // Twilio signed without the port; our public URL spells it.
        assertThat(TwilioSignature.valid(TOKEN, "https://tocsin.example.com:443/webhooks/twilio/sms", SMS,
                "8b3wa7aHSk5aFOpJQr1BNge6OEM=")).isTrue();
    }

    @Test
    void queryStringIsPartOfTheSignedUrl() {
        Map<String, List<String>> form = Map.of("CallSid", List.of("CA9"), "Digits", List.of("6"));
        assertThat(TwilioSignature.valid(TOKEN, "https://tocsin.example.com/webhooks/twilio/voice?incident=7",
                form, "1BCcKzGlo+spxMMeaqKEb5kbNTs=")).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "https://tocsin.example.com/webhooks/twilio/voice?incident=8",
                form, "1BCcKzGlo+spxMMeaqKEb5kbNTs=")).isFalse();
    }

    @Test
    void rejectsMissingWrongOrTamperedSignatures() {
        String url = "https://tocsin.example.com/webhooks/twilio/sms";
        assertThat(TwilioSignature.valid(TOKEN, url, SMS, null)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, url, SMS, "")).isFalse();
        assertThat(TwilioSignature.valid("other-token", url, SMS, "8b3wa7aHSk5aFOpJQr1BNge6OEM=")).isFalse();
        Map<String, List<String>> tampered = new java.util.HashMap<>(SMS);
        tampered.put("Body", List.of("6 123"));
        assertThat(TwilioSignature.valid(TOKEN, url, tampered, "8b3wa7aHSk5aFOpJQr1BNge6OEM=")).isFalse();
    }
}
