package dev.tocsin.provider.ntfy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** ntfy publishing against a fake ntfy server that checks the exact request. */
class NtfySenderTest {
    @RegisterExtension
    static WireMockExtension ntfy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Message PAGE = new Message("#42 Database down — Zürich", "customer-api: connection refused\nOpen for 3 min",
            null, List.of(
            new Message.Action("Open", "https://tocsin.example/incidents/42", true),
            new Message.Action("Acknowledge", "https://tocsin.example/a/ack-token", false),
            new Message.Action("Resolve", "https://tocsin.example/a/resolve-token", false),
            new Message.Action("Escalate", "https://tocsin.example/a/escalate-token", false)), true);

    private NtfySender sender(Secret token) {
        return new NtfySender(new NtfySettings(ntfy.baseUrl(), token), new ProviderHttp());
    }

    @Test
    void anUrgentPageIsPublishedAsJsonWithPriorityFiveAndThreeActions() {
        ntfy.stubFor(post("/").willReturn(okJson("""
                {"id":"sPs71M8A2T","time":1700000000,"event":"message","topic":"alice-pager"}""")));

        SendResult result = sender(new Secret("tk_secret", "NTFY_TOKEN")).send("alice-pager", PAGE);

        assertThat(result).isEqualTo(new SendResult.Sent("sPs71M8A2T"));
        ntfy.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", equalTo("Bearer tk_secret"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"topic":"alice-pager","title":"#42 Database down — Zürich",
                         "message":"customer-api: connection refused\\nOpen for 3 min",
                         "priority":5,"tags":["rotating_light"],"click":"https://tocsin.example/incidents/42",
                         "actions":[
                           {"action":"view","label":"Open","url":"https://tocsin.example/incidents/42"},
                           {"action":"http","label":"Acknowledge","url":"https://tocsin.example/a/ack-token","method":"POST","clear":true},
                           {"action":"http","label":"Resolve","url":"https://tocsin.example/a/resolve-token","method":"POST","clear":true}]}""")));
    }

    @Test
    void aLowUrgencyPageHasDefaultPriorityAndNoTokenWhenNoneIsConfigured() {
        ntfy.stubFor(post("/").willReturn(okJson("{\"id\":\"x1\"}")));

        SendResult result = sender(null).send("bob", new Message("Disk 80%", "db-2 disk at 80%", null));

        assertThat(result).isEqualTo(new SendResult.Sent("x1"));
        ntfy.verify(postRequestedFor(urlEqualTo("/")).withoutHeader("Authorization").withRequestBody(equalToJson("""
                {"topic":"bob","title":"Disk 80%","message":"db-2 disk at 80%","priority":3,"tags":["warning"]}""")));
    }

    @Test
    void aContactMethodsOwnServerGetsThePageButNotTheConfiguredToken() {
        ntfy.stubFor(post("/push/").willReturn(okJson("{\"id\":\"own\"}")));
        NtfySender sender = new NtfySender(new NtfySettings("https://ntfy.invalid", new Secret("tk_secret", "T")), new ProviderHttp());

        SendResult result = sender.send(ntfy.baseUrl() + "/push", "carol", new Message("S", "T", null));

        assertThat(result).isEqualTo(new SendResult.Sent("own"));
        ntfy.verify(postRequestedFor(urlEqualTo("/push/")).withoutHeader("Authorization"));
    }

    @Test
    void rateLimitingAndServerErrorsAreTransient() {
        ntfy.stubFor(post("/").willReturn(jsonResponse("""
                {"code":42901,"http":429,"error":"limit reached: too many requests","link":"https://ntfy.sh/docs/publish/#limitations"}""", 429)));
        assertThat(sender(null).send("t", PAGE)).isEqualTo(
                new SendResult.TransientFailure("ntfy answered 429: 42901 limit reached: too many requests"));

        ntfy.stubFor(post("/").willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        assertThat(sender(null).send("t", PAGE)).isEqualTo(new SendResult.TransientFailure("ntfy answered 502: Bad Gateway"));
    }

    @Test
    void refusedRequestsArePermanentWithNtfysCodeAndError() {
        ntfy.stubFor(post("/").willReturn(jsonResponse("""
                {"code":40101,"http":401,"error":"unauthorized","link":"https://ntfy.sh/docs/publish/#authentication"}""", 401)));
        assertThat(sender(new Secret("tk_wrong", "T")).send("t", PAGE))
                .isEqualTo(new SendResult.PermanentFailure("ntfy answered 401: 40101 unauthorized"));

        ntfy.stubFor(post("/").willReturn(jsonResponse("{\"code\":40301,\"http\":403,\"error\":\"forbidden\"}", 403)));
        assertThat(sender(null).send("t", PAGE)).isEqualTo(new SendResult.PermanentFailure("ntfy answered 403: 40301 forbidden"));

        ntfy.stubFor(post("/").willReturn(jsonResponse("{\"code\":40007,\"http\":400,\"error\":\"invalid priority\"}", 400)));
        assertThat(sender(null).send("t", PAGE)).isEqualTo(new SendResult.PermanentFailure("ntfy answered 400: 40007 invalid priority"));
    }

    @Test
    void anUnreachableOrSlowServerIsTransientAndTheErrorNamesOnlyTheHost() {
        ntfy.stubFor(post("/").willReturn(okJson("{\"id\":\"late\"}").withFixedDelay(2_000)));
        NtfySender impatient = new NtfySender(new NtfySettings(ntfy.baseUrl(), null),
                new ProviderHttp(Duration.ofSeconds(1), Duration.ofMillis(200)));

        assertThat(impatient.send("t", PAGE)).isEqualTo(
                new SendResult.TransientFailure("ntfy http://localhost:" + ntfy.getPort() + "/…: timed out"));
    }

    @Test
    void aLongMessageIsCutToFourKilobytesWithoutBreakingACharacter() {
        String text = "ü".repeat(3_000); // 6,000 bytes
        String cut = NtfySender.cut(text, NtfySender.MAX_MESSAGE_BYTES);

        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(NtfySender.MAX_MESSAGE_BYTES);
        assertThat(cut).endsWith("ü…").startsWith("üü");
        assertThat(NtfySender.cut("short", NtfySender.MAX_MESSAGE_BYTES)).isEqualTo("short");
        String emoji = "🚨".repeat(2_000); // surrogate pairs, 4 bytes each
        assertThat(NtfySender.cut(emoji, 4_096)).endsWith("🚨…");
    }
}
