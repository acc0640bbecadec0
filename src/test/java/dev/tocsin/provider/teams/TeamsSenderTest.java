package dev.tocsin.provider.teams;

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

/** Teams Workflows webhooks against a fake that checks the exact Adaptive Card. */
class TeamsSenderTest {
    @RegisterExtension
    static WireMockExtension teams = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRETSIG";

    private String url() {
        return teams.baseUrl() + PATH;
    }

    @Test
    void anAdaptiveCardWithOpenUrlActionsIsPostedAndA202IsSent() {
        teams.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        Message page = new Message("#42 Database down", "customer-api: connection refused", null,
                List.of(new Message.Action("Acknowledge", "https://tocsin.example/a/ack", false),
                        new Message.Action("Open", "https://tocsin.example/incidents/42", true)), true,
                List.of(new Message.Fact("Service", "customer-api")));

        SendResult result = new TeamsSender(new ProviderHttp()).send(url(), page);

        assertThat(result).isEqualTo(SendResult.sent());
        teams.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,
                          "content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
                            "body":[
                              {"type":"TextBlock","text":"#42 Database down","wrap":true,"weight":"Bolder","size":"Medium","color":"Attention"},
                              {"type":"TextBlock","text":"customer-api: connection refused","wrap":true},
                              {"type":"TextBlock","text":"**Service:** customer-api","wrap":true}],
                            "actions":[
                              {"type":"Action.OpenUrl","title":"Acknowledge","url":"https://tocsin.example/a/ack"},
                              {"type":"Action.OpenUrl","title":"Open","url":"https://tocsin.example/incidents/42"}]}}]}""")));
    }

    @Test
    void a200IsSentToo() {
        teams.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));
        assertThat(new TeamsSender(new ProviderHttp()).send(url(), new Message("S", "T", null))).isEqualTo(SendResult.sent());
    }

    @Test
    void throttlingAndServerErrorsAreTransientOtherRefusalsPermanentAndTheSignatureIsNeverQuoted() {
        TeamsSender sender = new TeamsSender(new ProviderHttp());
        String host = "http://localhost:" + teams.getPort() + "/…";

        teams.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)));
        assertThat(sender.send(url(), new Message("S", "T", null)))
                .isEqualTo(new SendResult.TransientFailure("Teams workflow " + host + " answered 429"));

        teams.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("boom")));
        assertThat(sender.send(url(), new Message("S", "T", null)))
                .isEqualTo(new SendResult.TransientFailure("Teams workflow " + host + " answered 500: boom"));

        teams.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        SendResult gone = sender.send(url(), new Message("S", "T", null));
        assertThat(gone).isEqualTo(new SendResult.PermanentFailure("Teams workflow " + host + " answered 404"));
        assertThat(gone.toString()).doesNotContain("SECRETSIG");
    }
}
