package dev.tocsin.provider.webhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.secret.Secret;
import dev.tocsin.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Signed outgoing webhooks against a fake receiver; signatures checked by the Standard Webhooks reference library. */
class WebhookSenderTest {
    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Key bytes 0..31; signature below computed with Python's hmac, independently of this code. */
    private static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Message PAGE = new Message("#42 Database down", "customer-api: connection refused", null,
            List.of(new Message.Action("Acknowledge", "https://tocsin.example/a/ack", false)), true,
            List.of(new Message.Fact("Service", "customer-api")));

    private String url() {
        return receiver.baseUrl() + "/hooks/tocsin";
    }

    @Test
    void theSignatureMatchesAnIndependentlyComputedVector() {
        byte[] key = WebhookSignature.key(SECRET).orElseThrow();
        assertThat(WebhookSignature.sign(key, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1_764_036_000L, "{\"type\":\"incident.page\"}"))
                .isEqualTo("v1,36r4Gw64/MBRr7Hm+AUMP1xLVRMEKZR194gK2dSkiXQ=");
    }

    @Test
    void aPageIsPostedWithStandardWebhooksHeadersThatTheReferenceLibraryAccepts() throws Exception {
        receiver.stubFor(post("/hooks/tocsin").willReturn(noContent()));
        WebhookSender sender = new WebhookSender(new ProviderHttp(), Clock.systemUTC()); // the library checks against now

        SendResult result = sender.send(url(), new Secret(SECRET, "S"), PAGE, "notification-7");

        assertThat(result).isEqualTo(new SendResult.Sent("notification-7"));
        receiver.verify(1, postRequestedFor(urlEqualTo("/hooks/tocsin"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("webhook-id", equalTo("notification-7"))
                .withHeader("webhook-timestamp", matching("[0-9]{10}"))
                .withHeader("webhook-signature", matching("v1,[A-Za-z0-9+/]{43}="))
                .withRequestBody(equalToJson("""
                        {"type":"incident.page","data":{"subject":"#42 Database down","text":"customer-api: connection refused",
                          "urgent":true,"facts":[{"label":"Service","value":"customer-api"}],
                          "actions":[{"label":"Acknowledge","url":"https://tocsin.example/a/ack","opens":false}]}}""")));
        LoggedRequest request = receiver.getAllServeEvents().get(0).getRequest();
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.getHeader("webhook-id")),
                "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(request.getHeader("webhook-signature")));
        assertThatCode(() -> new Webhook(SECRET).verify(request.getBodyAsString(), headers)).doesNotThrowAnyException();
    }

    @Test
    void aRetryKeepsTheIdButCarriesTheNewAttemptsTimestamp() {
        receiver.stubFor(post("/hooks/tocsin").willReturn(aResponse().withStatus(503)));
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:00:00Z"));
        WebhookSender sender = new WebhookSender(new ProviderHttp(), clock);

        assertThat(sender.send(url(), new Secret(SECRET, "S"), PAGE, null)).isInstanceOf(SendResult.TransientFailure.class);
        clock.advance(Duration.ofSeconds(5));
        receiver.stubFor(post("/hooks/tocsin").willReturn(ok()));
        SendResult second = sender.send(url(), new Secret(SECRET, "S"), PAGE, null);

        List<LoggedRequest> attempts = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/tocsin")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("webhook-id")).startsWith("msg_").isEqualTo(attempts.get(1).getHeader("webhook-id"));
        assertThat(second).isEqualTo(new SendResult.Sent(attempts.get(0).getHeader("webhook-id")));
        assertThat(attempts.get(0).getHeader("webhook-timestamp")).isEqualTo("1795575600");
        assertThat(attempts.get(1).getHeader("webhook-timestamp")).isEqualTo("1795575605");
        assertThat(attempts.get(0).getHeader("webhook-signature")).isNotEqualTo(attempts.get(1).getHeader("webhook-signature"));
    }

    @Test
    void withoutASecretThePageIsSentUnsigned() {
        receiver.stubFor(post("/hooks/tocsin").willReturn(ok()));
        new WebhookSender(new ProviderHttp(), Clock.systemUTC()).signedWith(null).send(url(), PAGE);
        receiver.verify(postRequestedFor(urlEqualTo("/hooks/tocsin")).withHeader("webhook-id", matching("msg_[0-9a-f]{32}"))
                .withoutHeader("webhook-signature"));
    }

    @Test
    void answersAreClassifiedAsTheSpecificationSays() {
        WebhookSender sender = new WebhookSender(new ProviderHttp(), Clock.systemUTC());
        String host = "webhook http://localhost:" + receiver.getPort() + "/… answered ";
        Map<Integer, SendResult> expected = Map.of(
                410, new SendResult.PermanentFailure(host + "410: endpoint gone"),
                301, new SendResult.PermanentFailure(host + "301: redirects are not followed"),
                400, new SendResult.PermanentFailure(host + "400"),
                429, new SendResult.TransientFailure(host + "429, retry after 60"),
                502, new SendResult.TransientFailure(host + "502"),
                504, new SendResult.TransientFailure(host + "504"),
                500, new SendResult.TransientFailure(host + "500"));
        expected.forEach((status, outcome) -> {
            var response = aResponse().withStatus(status);
            if (status == 429) response = response.withHeader("Retry-After", "60");
            if (status == 301) response = response.withHeader("Location", "https://elsewhere.example/");
            receiver.stubFor(post("/hooks/tocsin").willReturn(response));
            assertThat(sender.send(url(), null, PAGE, "m1")).as("status %d", status).isEqualTo(outcome);
        });
    }

    @Test
    void aTimeoutIsTransient() {
        receiver.stubFor(post("/hooks/tocsin").willReturn(ok().withFixedDelay(2_000)));
        WebhookSender impatient = new WebhookSender(new ProviderHttp(Duration.ofSeconds(1), Duration.ofMillis(200)), Clock.systemUTC());

        assertThat(impatient.send(url(), null, PAGE, "m1")).isEqualTo(
                new SendResult.TransientFailure("webhook http://localhost:" + receiver.getPort() + "/…: timed out"));
    }

    @Test
    void aMalformedSecretIsAPermanentFailureAndNothingIsSent() {
        SendResult result = new WebhookSender(new ProviderHttp(), Clock.systemUTC()).send(url(), new Secret("hunter2", "S"), PAGE, "m1");

        assertThat(result).isEqualTo(new SendResult.PermanentFailure("webhook secret is not whsec_ + base64 of 24–64 bytes"));
        receiver.verify(0, postRequestedFor(anyUrl()));
    }
}
