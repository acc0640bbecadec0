package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class WebSettingsAndMeTest {
    @Test
    void anAdminCreatesATokenSeenOnceThatWorksUntilRevoked() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page settings = browser.get("/settings");
            assertThat(settings.status()).isEqualTo(200);
            assertThat(settings.body()).contains("API tokens").contains("Notification outbox");

            FormClient.Page created = browser.post("/settings/tokens",
                    Map.of("_csrf", settings.csrf(), "user", "bob", "role", "responder", "label", "grafana bot"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
            Matcher secret = Pattern.compile("value=\"(tcn_[A-Za-z0-9_-]+)\"").matcher(created.body());
            assertThat(secret.find()).as(created.body()).isTrue();
            TestHttp asBob = new TestHttp(server.baseUrl(), secret.group(1));
            assertThat(asBob.get("/api/v1/incidents").status()).isEqualTo(200);
            assertThat(browser.get("/settings").body()).doesNotContain(secret.group(1)).contains("grafana bot");

            Matcher id = Pattern.compile("action=\"/settings/tokens/(tok_[0-9a-f]+)/revoke\"").matcher(created.body());
            String tokenId = null;
            while (id.find()) tokenId = id.group(1);   // the newest is listed last
            FormClient.Page revoked = browser.post("/settings/tokens/" + tokenId + "/revoke", Map.of("_csrf", settings.csrf()));
            assertThat(revoked.status()).isEqualTo(303);
            assertThat(asBob.get("/api/v1/incidents").status()).isEqualTo(401);
            FormClient.Page bad = browser.post("/settings/tokens", Map.of("_csrf", settings.csrf(), "user", "nobody", "role", "admin"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("user: choose a configured user");
        }
    }

    @Test
    void aResponderSeesNoSettingsAndIsRefusedThem() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("bob", "bob's password", Role.RESPONDER);
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("bob@example.com", "bob's password");
            FormClient.Page incidents = browser.get("/incidents");
            assertThat(incidents.body()).doesNotContain("href=\"/settings\"");
            assertThat(browser.get("/settings").status()).isEqualTo(403);
            FormClient.Page refused = browser.post("/settings/tokens",
                    Map.of("_csrf", incidents.csrf(), "user", "bob", "role", "admin"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("role 'responder' may not do this; it needs 'admin'");
        }
    }

    @Test
    void myOnCallListsMyShiftsAcrossSchedules() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page me = browser.get("/me");
            assertThat(me.status()).isEqualTo(200);
            // alice alternates weekly between the primary and the backup schedule: both appear within two weeks
            assertThat(me.body()).contains("My shifts in the next two weeks").contains("Platform primary").contains("Platform backup")
                    .contains("Open incidents assigned to me");
        }
    }

    @Test
    void anAdminSetsUpAProviderAsYamlAndItsSecretIsNeverShownAgain() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page settings = browser.get("/settings");
            assertThat(settings.body()).contains("Notification providers").contains("twilio").contains("not configured");
            String csrf = settings.csrf();

            FormClient.Page notYaml = browser.post("/settings/providers/twilio", Map.of("_csrf", csrf, "yaml", "account_sid: [unclosed"));
            assertThat(notYaml.status()).isEqualTo(400);
            assertThat(notYaml.body()).contains("not valid YAML").contains("account_sid: [unclosed");
            FormClient.Page missing = browser.post("/settings/providers/twilio", Map.of("_csrf", csrf, "yaml", "from: \"+41440000000\"\n"));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("account_sid");
            assertThat(server.http().get("/api/v1/config/export").body()).doesNotContain("twilio");

            String yaml = "account_sid: AC0123456789abcdef0123456789abcdef\nauth_token: very-secret-token\nfrom: \"+41440000000\"\n";
            FormClient.Page saved = browser.post("/settings/providers/twilio", Map.of("_csrf", csrf, "yaml", yaml));
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            FormClient.Page shown = browser.get("/settings");
            assertThat(shown.body()).contains("Provider twilio saved").contains("auth_token: '***'").doesNotContain("very-secret-token");
            assertThat(server.http().get("/api/v1/config/revisions").json().path("revisions").get(0).path("source").asText()).isEqualTo("web");

            // Saving the page's own text back (secrets as ***) keeps the stored secrets.
            java.util.regex.Matcher text = Pattern.compile("<textarea id=\"yaml-twilio\"[^>]*>([^<]*)</textarea>").matcher(shown.body());
            assertThat(text.find()).isTrue();
            String again = text.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("+41440000000", "+41440000001");
            FormClient.Page resaved = browser.post("/settings/providers/twilio", Map.of("_csrf", csrf, "yaml", again));
            assertThat(resaved.status()).as(resaved.body()).isEqualTo(303);
            var twilio = (dev.tocsin.provider.TwilioSettings) server.tocsin().config().current().document()
                    .entries(dev.tocsin.config.Kind.PROVIDER).get(0).value();
            assertThat(twilio.from()).isEqualTo("+41440000001");
            assertThat(twilio.authToken().value()).as("the *** sent back kept the stored secret").isEqualTo("very-secret-token");

            assertThat(browser.post("/settings/providers/nonsense", Map.of("_csrf", csrf, "yaml", "a: b")).status()).isEqualTo(404);
            assertThat(browser.post("/settings/providers/twilio/remove", Map.of("_csrf", csrf)).status()).isEqualTo(303);
            assertThat(server.http().get("/api/v1/config/export").body()).doesNotContain("twilio");
        }
    }
}
