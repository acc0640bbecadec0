package dev.tocsin.provider;

import dev.tocsin.delivery.PageTexts;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.urgency.Severity;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.provider.smsgateway.SmsGatewaySender;
import dev.tocsin.provider.twilio.TwilioSms;
import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of a page on phone channels, and which SMS provider carries them. */
class PageTextsTest {
    private static final Instant OPENED = Instant.parse("2026-11-25T02:00:00Z");

    private static Incident incident(String title, Urgency urgency) {
        return new Incident(123, "customer-api", title, IncidentStatus.TRIGGERED, urgency, Severity.CRITICAL,
                OPENED, OPENED, null, null, null, null, 1, 1, List.of("alice"));
    }

    @Test
    void smsSaysWhatWhereHowUrgentHowLongAndHowToAct() {
        String text = PageTexts.sms(incident("Disk full on db-1", Urgency.HIGH), "Customer API",
                OPENED.plusSeconds(12 * 60 + 40));

        assertThat(text).isEqualTo("Tocsin #123 [high] Disk full on db-1 — service Customer API, open 12m. "
                + "Reply 4 to acknowledge #123, 6 to resolve, 8 to escalate.");
    }

    @Test
    void longTitlesAreCutSoTheInstructionsStay() {
        String text = PageTexts.sms(incident("x".repeat(5000), Urgency.LOW), "Customer API", OPENED.plusSeconds(7200));

        assertThat(text.length()).isLessThan(TwilioSms.MAX_BODY);
        assertThat(text).contains("x…").contains("[low]").contains("open 2h").endsWith("8 to escalate.");
    }

    @Test
    void voiceSpeaksTheDurationInWords() {
        String text = PageTexts.voice(incident("Disk full", Urgency.HIGH), "Customer API", OPENED.plusSeconds(3720));

        assertThat(text).isEqualTo("This is Tocsin with a high urgency page. Incident number 123 on service Customer API: "
                + "Disk full. Open for 1 hour 2 minutes.");
        assertThat(PageTexts.voiceActions()).isEqualTo("Press 4 to acknowledge, 6 to resolve, 8 to escalate.");
    }

    @Test
    void theSmsGatewayTakesOverFromTwilioWhenConfigured() {
        var twilio = Optional.of(new TwilioSettings(new Secret("AC1", "SID"), new Secret("t", "TOKEN"), "+1",
                TwilioSettings.DEFAULT_API_URL));
        var gateway = Optional.of(new SmsGatewaySettings("https://gw.example.com", "POST", Map.of(), "{{message}}",
                SmsGatewaySettings.BodyFormat.FORM, SmsGatewaySettings.SuccessRule.DEFAULT));

        assertThat(SmsSenders.choose(gateway, twilio, "https://t.example.com")).containsInstanceOf(SmsGatewaySender.class);
        assertThat(SmsSenders.choose(Optional.empty(), twilio, "https://t.example.com")).containsInstanceOf(TwilioSms.class);
        assertThat(SmsSenders.choose(Optional.empty(), Optional.empty(), "https://t.example.com")).isEmpty();
    }
}
