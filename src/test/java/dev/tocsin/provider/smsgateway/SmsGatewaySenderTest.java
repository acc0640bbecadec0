package dev.tocsin.provider.smsgateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmsGatewaySettings;
import dev.tocsin.provider.SmsGatewaySettings.BodyFormat;
import dev.tocsin.provider.SmsGatewaySettings.SuccessRule;
import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The generic gateway against wire-level fakes of SMS Gateway for Android, Vonage and Plivo. */
class SmsGatewaySenderTest {
    private static final Message PAGE = new Message("page",
            "Tocsin #12 [high] \"Disk\" full & hot — Reply 4 to acknowledge #12", null);

    private final WireMockServer gateway = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private SmsGatewaySettings settings(String path, Map<String, Secret> headers, String body, BodyFormat format,
                                        SuccessRule success) {
        return new SmsGatewaySettings(gateway.baseUrl() + path, "POST", headers, body, format, success);
    }

    @Test
    void androidGatewayGetsJsonWithEscapedTextAndAnswers202() {
        gateway.stubFor(post("/3rdparty/v1/message").willReturn(aResponse().withStatus(202)
                .withBody("{\"id\":\"msg-1\",\"state\":\"Pending\",\"recipients\":[{\"phoneNumber\":\"+15551234567\",\"state\":\"Pending\"}]}")));
        var sender = new SmsGatewaySender(settings("/3rdparty/v1/message",
                Map.of("Authorization", new Secret("Basic dXNlcjpwYXNz", "SMSGATE_AUTH")),
                "{\"textMessage\":{\"text\":\"{{message}}\"},\"phoneNumbers\":[\"{{to}}\"]}", BodyFormat.JSON,
                new SuccessRule(List.of(202), null, null, null)));

        SendResult result = sender.send("+15551234567", PAGE);

        assertThat(result).isEqualTo(new SendResult.Sent("msg-1"));
        gateway.verify(postRequestedFor(urlEqualTo("/3rdparty/v1/message"))
                .withHeader("Authorization", equalTo("Basic dXNlcjpwYXNz"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"textMessage\":{\"text\":\"Tocsin #12 [high] \\\"Disk\\\" full & hot — Reply 4 to acknowledge #12\"},"
                        + "\"phoneNumbers\":[\"+15551234567\"]}")));
    }

    private SmsGatewaySender vonage() {
        return new SmsGatewaySender(settings("/sms/json",
                Map.of("Authorization", new Secret("Basic a2V5OnNlY3JldA==", "VONAGE_AUTH")),
                "from=Tocsin&to={{to}}&text={{message}}", BodyFormat.FORM,
                new SuccessRule(List.of(200), null, "messages.0.status", "0")));
    }

    @Test
    void vonageFormBodyIsUrlEncodedAndStatusZeroIsSuccess() {
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withBody(
                "{\"message-count\":\"1\",\"messages\":[{\"to\":\"15551234567\",\"message-id\":\"0A0000000123ABCD1\",\"status\":\"0\"}]}")));

        SendResult result = vonage().send("+15551234567", PAGE);

        assertThat(result).isEqualTo(new SendResult.Sent("0A0000000123ABCD1"));
        gateway.verify(postRequestedFor(urlEqualTo("/sms/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("from", equalTo("Tocsin"))
                .withFormParam("to", equalTo("+15551234567"))
                .withFormParam("text", equalTo(PAGE.text())));
    }

    @Test
    void vonage200WithNonZeroStatusIsAFailure() {
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withBody(
                "{\"message-count\":\"1\",\"messages\":[{\"status\":\"2\",\"error-text\":\"Missing to param\"}]}")));

        SendResult result = vonage().send("+15551234567", PAGE);

        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(((SendResult.PermanentFailure) result).error())
                .contains("messages.0.status = '2'").contains("Missing to param").doesNotContain("a2V5OnNlY3JldA");
    }

    @Test
    void plivoJsonAnswers202WithMessageUuid() {
        gateway.stubFor(post("/v1/Account/MA123/Message/").willReturn(aResponse().withStatus(202).withBody(
                "{\"api_id\":\"a1\",\"message\":\"message(s) queued\",\"message_uuid\":[\"db3ce55a-7f1d-11e1-8ea7-1231380bc196\"]}")));
        var sender = new SmsGatewaySender(settings("/v1/Account/MA123/Message/",
                Map.of("Authorization", new Secret("Basic TUExMjM6dG9rZW4=", "PLIVO_AUTH")),
                "{\"src\":\"+15550009999\",\"dst\":\"{{to}}\",\"text\":\"{{message}}\"}", BodyFormat.JSON,
                new SuccessRule(List.of(202), "queued", null, null)));

        SendResult result = sender.send("+15551234567", PAGE);

        assertThat(result).isEqualTo(new SendResult.Sent("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));
        gateway.verify(postRequestedFor(urlEqualTo("/v1/Account/MA123/Message/"))
                .withHeader("Authorization", equalTo("Basic TUExMjM6dG9rZW4="))
                .withRequestBody(matchingJsonPath("$.dst", equalTo("+15551234567")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(PAGE.text()))));
    }

    @Test
    void unexpectedStatusesSplitIntoTransientAndPermanent() {
        var sender = vonage();
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(503)));
        assertThat(sender.send("+1", PAGE)).isInstanceOf(SendResult.TransientFailure.class);
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(429)));
        assertThat(sender.send("+1", PAGE)).isInstanceOf(SendResult.TransientFailure.class);
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(401).withBody("bad credentials")));
        SendResult rejected = sender.send("+1", PAGE);
        assertThat(rejected).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(((SendResult.PermanentFailure) rejected).error()).contains("HTTP 401").contains("bad credentials");
    }

    @Test
    void timeoutIsTransient() {
        gateway.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        var sender = new SmsGatewaySender(vonageSettings(), Duration.ofMillis(200));

        assertThat(sender.send("+1", PAGE)).isInstanceOf(SendResult.TransientFailure.class);
    }

    private SmsGatewaySettings vonageSettings() {
        return settings("/sms/json", Map.of(), "to={{to}}&text={{message}}", BodyFormat.FORM,
                new SuccessRule(List.of(200), null, "messages.0.status", "0"));
    }
}
