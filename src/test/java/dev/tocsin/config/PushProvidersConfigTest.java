package dev.tocsin.config;

import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.secret.Secret;
import dev.tocsin.user.ContactMethod;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code providers.ntfy}, {@code providers.slack} and the checks on Teams URLs and webhook secrets, with line numbers. */
class PushProvidersConfigTest {
    private static final Map<String, String> ENV = Map.of("SLACK_BOT_TOKEN", "xoxb-1-2", "SLACK_SIGNING_SECRET", "sign-1",
            "NTFY_TOKEN", "tk_abc", "HOOK_SECRET", "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private record Parsed(Document document, List<String> problems) {
    }

    private static Parsed parse(String yaml) {
        Problems problems = Problems.of("push.yaml");
        Document document = DocumentParser.parse(yaml, new ParseContext(problems, ENV), new IdentityHashMap<>());
        return new Parsed(document, problems.formatted());
    }

    @Test
    void ntfyAndSlackSectionsAreRead() {
        Parsed parsed = parse("""
                providers:
                  ntfy: { url: "https://ntfy.example.com/", token: "${NTFY_TOKEN}" }
                  slack:
                    bot_token: "${SLACK_BOT_TOKEN}"
                    signing_secret: "${SLACK_SIGNING_SECRET}"
                    ops_channel: C0OPS
                    log_channel: "#tocsin-log"
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.document().ntfy()).contains(new NtfySettings("https://ntfy.example.com", new Secret("tk_abc", "NTFY_TOKEN")));
        assertThat(parsed.document().slack()).contains(new SlackSettings(new Secret("xoxb-1-2", "SLACK_BOT_TOKEN"),
                new Secret("sign-1", "SLACK_SIGNING_SECRET"), SlackSettings.DEFAULT_API_URL, "C0OPS", "#tocsin-log"));
    }

    @Test
    void anEmptyNtfySectionMeansThePublicServerWithoutToken() {
        Parsed parsed = parse("""
                providers:
                  ntfy: {}
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.document().ntfy()).contains(NtfySettings.DEFAULT);
    }

    @Test
    void mistakesAreReportedWithTheirLinesAndNoSecretValue() {
        Parsed parsed = parse("""
                providers:
                  ntfy: { url: "ftp://ntfy.example.com", tokn: x }
                  slack:
                    bot_token: "xoxp-user-token"
                    api_url: not-a-url
                    ops_chanel: C1
                """);

        assertThat(parsed.problems()).containsExactly(
                "push.yaml:2: providers.ntfy.tokn: unknown key 'tokn' (did you mean 'token'?)",
                "push.yaml:2: providers.ntfy.url: 'ftp://ntfy.example.com' is not an http(s) URL",
                "push.yaml:4: providers.slack.bot_token: is not a Slack bot token (it starts with 'xoxb-'; take it from the app's 'OAuth & Permissions' page)",
                "push.yaml:5: providers.slack.api_url: 'not-a-url' is not an http(s) URL",
                "push.yaml:6: providers.slack.ops_chanel: unknown key 'ops_chanel' (did you mean 'ops_channel'?)");
        assertThat(String.join("\n", parsed.problems())).doesNotContain("xoxp-user-token");
    }

    @Test
    void slackNeedsABotToken() {
        assertThat(parse("""
                providers:
                  slack: { ops_channel: C1 }
                """).problems()).containsExactly("push.yaml:2: providers.slack: missing required field 'bot_token'");
    }

    @Test
    void aRetiredOffice365ConnectorUrlIsRefusedWithTheReasonAndWithoutTheCredential() {
        Parsed parsed = parse("""
                users:
                  - id: ana
                    name: Ana
                    contact_methods:
                      - { id: ana-teams, type: teams, url: "https://contoso.webhook.office.com/webhookb2/SECRET-PART" }
                      - { id: ana-teams2, type: teams, url: "https://prod-01.westeurope.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=s" }
                """);

        assertThat(parsed.problems()).containsExactly("push.yaml:5: users[0].contact_methods[0].url: 'contoso.webhook.office.com' is an "
                + "Office 365 connector webhook, which Microsoft has retired; in Teams, create a Workflows flow \"Post to a channel "
                + "when a webhook request is received\" and use its URL");
    }

    @Test
    void aWebhookSecretMustBeAStandardWebhooksSecret() {
        Parsed parsed = parse("""
                users:
                  - id: ana
                    name: Ana
                    contact_methods:
                      - { id: good, type: webhook, url: "https://hooks.example.com/a", secret: "${HOOK_SECRET}" }
                      - { id: bad, type: webhook, url: "https://hooks.example.com/b", secret: hunter2 }
                """);

        assertThat(parsed.problems()).containsExactly("push.yaml:6: users[0].contact_methods[1].secret: is not a Standard Webhooks "
                + "secret: write 'whsec_' followed by the base64 of 24 to 64 random bytes, e.g. from: echo \"whsec_$(openssl rand -base64 32)\"");
        assertThat(parsed.document().users().get(0).contactMethods().get(0)).isInstanceOf(ContactMethod.Webhook.class);
    }
}
