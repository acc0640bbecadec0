package dev.tocsin.provider.slack;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** chat.postMessage against a fake Slack Web API that checks the exact request. */
class SlackSenderTest {
    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Message PAGE = new Message("#42 Database down", "customer-api: <connection> refused & retrying",
            null, List.of(new Message.Action("Acknowledge", "https://tocsin.example/a/ack", false),
            new Message.Action("Open", "https://tocsin.example/incidents/42", true)), true,
            List.of(new Message.Fact("Service", "customer-api"), new Message.Fact("Urgency", "high")));

    private SlackSender sender(String opsChannel) {
        return new SlackSender(new SlackSettings(new Secret("xoxb-123-abc", "SLACK_BOT_TOKEN"), null,
                slack.baseUrl() + "/api", opsChannel, null), new ProviderHttp());
    }

    @Test
    void aDirectMessageCarriesHeaderFactsAndUrlButtonsAndReturnsTheTs() {
        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("""
                {"ok":true,"channel":"D024BE91L","ts":"1503435956.000247","message":{"text":"#42 Database down"}}""")));

        SendResult result = sender(null).send("U024BE7LH", PAGE);

        assertThat(result).isEqualTo(new SendResult.Sent("1503435956.000247"));
        slack.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer xoxb-123-abc"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("""
                        {"channel":"U024BE7LH","text":"#42 Database down","blocks":[
                          {"type":"header","text":{"type":"plain_text","text":"#42 Database down"}},
                          {"type":"section","text":{"type":"mrkdwn","text":"customer-api: &lt;connection&gt; refused &amp; retrying"}},
                          {"type":"section","fields":[{"type":"mrkdwn","text":"*Service*\\ncustomer-api"},{"type":"mrkdwn","text":"*Urgency*\\nhigh"}]},
                          {"type":"actions","elements":[
                            {"type":"button","text":{"type":"plain_text","text":"Acknowledge"},"url":"https://tocsin.example/a/ack","action_id":"tocsin-link-0"},
                            {"type":"button","text":{"type":"plain_text","text":"Open"},"url":"https://tocsin.example/incidents/42","action_id":"tocsin-link-1"}]}]}""")));
    }

    @Test
    void theOpsChannelPostGoesToTheConfiguredChannel() {
        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}")));

        assertThat(sender("C0OPS").sendToOpsChannel(new Message("S", "T", null))).isEqualTo(new SendResult.Sent("1.2"));
        assertThat(sender(null).sendToOpsChannel(new Message("S", "T", null)))
                .isEqualTo(new SendResult.PermanentFailure("providers.slack.ops_channel is not set"));
        slack.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(matchingJsonPath("$.channel", equalTo("C0OPS"))));
    }

    @Test
    void slackErrorsInA200ArePermanentExceptRateLimiting() {
        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        assertThat(sender(null).send("C9", PAGE)).isEqualTo(new SendResult.PermanentFailure("Slack: channel_not_found"));

        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        assertThat(sender(null).send("C9", PAGE)).isEqualTo(new SendResult.PermanentFailure("Slack: invalid_auth"));

        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"ratelimited\"}")));
        assertThat(sender(null).send("C9", PAGE)).isEqualTo(new SendResult.TransientFailure("Slack: ratelimited"));
    }

    @Test
    void http429WithRetryAfterAndServerErrorsAreTransient() {
        slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        assertThat(sender(null).send("C9", PAGE)).isEqualTo(new SendResult.TransientFailure("Slack rate limit (429), retry after 30 s"));

        slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(503)));
        assertThat(sender(null).send("C9", PAGE)).isEqualTo(new SendResult.TransientFailure("Slack answered 503"));
    }
}
