package dev.tocsin.provider.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.TwilioSettings;
import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's REST API faked at the wire: checks the exact form, auth and path, and how answers are read. */
class TwilioSendersTest {
    private static final String SID = "AC0123456789abcdef";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";
    private static final String PUBLIC = "https://tocsin.example.com";

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TwilioSettings settings;

    @BeforeEach
    void start() {
        twilio.start();
        settings = new TwilioSettings(new Secret(SID, "TWILIO_ACCOUNT_SID"), new Secret("tok3n", "TWILIO_AUTH_TOKEN"),
                "+15550009999", twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    private static Message text(String body) {
        return new Message("page", body, null);
    }

    @Test
    void smsPostsFormWithBasicAuthAndReturnsTheSid() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
                .withBody("{\"sid\":\"SM42\",\"status\":\"queued\"}")));

        SendResult result = new TwilioSms(settings, PUBLIC + "/").send("+15551234567", text("Disk full & hot"));

        assertThat(result).isEqualTo(new SendResult.Sent("SM42"));
        twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, "tok3n"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo("+15551234567"))
                .withFormParam("From", equalTo("+15550009999"))
                .withFormParam("Body", equalTo("Disk full & hot"))
                .withFormParam("StatusCallback", equalTo(PUBLIC + "/webhooks/twilio/status")));
    }

    @Test
    void smsLongerThan1600CharactersIsCutKeepingTheReplyLine() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
        String body = "x".repeat(3000) + "\nReply 4 to acknowledge #7, 6 to resolve, 8 to escalate.";

        new TwilioSms(settings, PUBLIC).send("+15551234567", text(body));

        String sent = twilio.getAllServeEvents().get(0).getRequest().formParameters().get("Body").firstValue();
        assertThat(sent).hasSize(1600).endsWith("…\nReply 4 to acknowledge #7, 6 to resolve, 8 to escalate.");
    }

    @Test
    void twilioErrorJsonOn4xxIsPermanentWithCodeAndMessage() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withBody(
                "{\"code\":21211,\"message\":\"The 'To' number +1555 is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));

        SendResult result = new TwilioSms(settings, PUBLIC).send("+1555", text("hi"));

        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(((SendResult.PermanentFailure) result).error())
                .contains("21211").contains("not a valid phone number");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreTransient() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429)
                .withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")));
        assertThat(new TwilioSms(settings, PUBLIC).send("+1", text("hi"))).isInstanceOf(SendResult.TransientFailure.class);

        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));
        assertThat(new TwilioSms(settings, PUBLIC).send("+1", text("hi"))).isInstanceOf(SendResult.TransientFailure.class);
    }

    @Test
    void timeoutIsTransient() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withFixedDelay(1_000)));

        SendResult result = new TwilioSms(settings, PUBLIC, Duration.ofMillis(200)).send("+1", text("hi"));

        assertThat(result).isInstanceOf(SendResult.TransientFailure.class);
    }

    @Test
    void callPointsTwilioAtTheVoiceWebhookForTheIncident() {
        twilio.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA77\"}")));

        SendResult result = new TwilioVoice(settings, PUBLIC).call("+15551234567", 123);

        assertThat(result).isEqualTo(new SendResult.Sent("CA77"));
        twilio.verify(postRequestedFor(urlEqualTo(CALLS))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, "tok3n"))
                .withFormParam("To", equalTo("+15551234567"))
                .withFormParam("From", equalTo("+15550009999"))
                .withFormParam("Url", equalTo(PUBLIC + "/webhooks/twilio/voice?incident=123"))
                .withFormParam("StatusCallback", equalTo(PUBLIC + "/webhooks/twilio/status"))
                .withFormParam("Timeout", equalTo("30")));
    }

    @Test
    void callRejectedWithTwilioErrorIsPermanent() {
        twilio.stubFor(post(CALLS).willReturn(aResponse().withStatus(401).withBody(
                "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));

        SendResult result = new TwilioVoice(settings, PUBLIC).send("+15551234567", text("ignored"));

        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(((SendResult.PermanentFailure) result).error()).contains("20003").contains("Authenticate");
        twilio.verify(postRequestedFor(urlEqualTo(CALLS)).withFormParam("Twiml", equalTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>ignored</Say><Pause length=\"1\"/><Say>ignored</Say></Response>")));
    }
}
