package dev.tocsin.provider.mattermost;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Mattermost incoming webhooks against a fake that checks the exact request. */
class MattermostSenderTest {
    @RegisterExtension
    static WireMockExtension mattermost = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/hooks/xbcdefghijklmnopq1234567ab";

    private final MattermostSender sender = new MattermostSender(new ProviderHttp());

    private String url() {
        return mattermost.baseUrl() + PATH;
    }

    @Test
    void markdownTextAndAnAttachmentWithFieldsAndTitleLinkArePosted() {
        mattermost.stubFor(post(PATH).willReturn(ok("ok").withHeader("Content-Type", "text/plain")));
        Message page = new Message("#42 Database down", "customer-api: connection refused", null,
                List.of(new Message.Action("Acknowledge", "https://tocsin.example/a/ack", false),
                        new Message.Action("Open", "https://tocsin.example/incidents/42", true)), true,
                List.of(new Message.Fact("Service", "customer-api"), new Message.Fact("Urgency", "high")));

        assertThat(sender.send(url(), page)).isEqualTo(SendResult.sent());
        mattermost.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text":"#### #42 Database down\\ncustomer-api: connection refused\\n[Acknowledge](https://tocsin.example/a/ack) · [Open](https://tocsin.example/incidents/42)",
                         "attachments":[{"fallback":"#42 Database down","color":"#d00000","title":"#42 Database down",
                           "title_link":"https://tocsin.example/incidents/42",
                           "fields":[{"title":"Service","value":"customer-api","short":true},{"title":"Urgency","value":"high","short":true}]}]}""")));
    }

    @Test
    void anAppErrorIsPermanentWithItsMessageAndTheHookIdIsNeverQuoted() {
        mattermost.stubFor(post(PATH).willReturn(jsonResponse("""
                {"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","detailed_error":"","request_id":"r1","status_code":400}""", 400)));

        SendResult result = sender.send(url(), new Message("S", "T", null));

        assertThat(result).isEqualTo(new SendResult.PermanentFailure("Mattermost http://localhost:" + mattermost.getPort()
                + "/… answered 400: Invalid webhook. (web.incoming_webhook.invalid.app_error)"));
        assertThat(result.toString()).doesNotContain("xbcdefghijklmnopq");
    }

    @Test
    void serverErrorsAreTransientButDisabledWebhooksArePermanent() {
        mattermost.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
        assertThat(sender.send(url(), new Message("S", "T", null))).isInstanceOf(SendResult.TransientFailure.class);

        mattermost.stubFor(post(PATH).willReturn(jsonResponse("""
                {"id":"web.incoming_webhook.disabled.app_error","message":"Incoming webhooks have been disabled by the system admin.","status_code":501}""", 501)));
        assertThat(sender.send(url(), new Message("S", "T", null))).isInstanceOf(SendResult.PermanentFailure.class);
    }
}
