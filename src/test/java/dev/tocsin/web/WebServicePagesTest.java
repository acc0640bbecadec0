package dev.tocsin.web;

import dev.tocsin.app.Demo;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebServicePagesTest {
    @Test
    void aServicePageShowsWhereAlertsGoAndSendsATestAlertThatPages() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page list = browser.get("/services");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Customer API").contains("Platform Engineering").contains("href=\"/services/customer-api\"");

            FormClient.Page page = browser.get("/services/customer-api");
            assertThat(page.body()).contains("value=\"" + server.baseUrl().replace("127.0.0.1", "localhost") + "/v2/enqueue\"")
                    .contains("value=\"" + Demo.EVENTS_KEY + "\"")
                    .contains("pagerduty_configs:").contains("routing_key: " + Demo.EVENTS_KEY)
                    .contains("Send a test alert");

            FormClient.Page sent = browser.post("/services/customer-api/test-alert", Map.of("_csrf", page.csrf()));
            assertThat(sent.status()).isEqualTo(303);
            assertThat(sent.location()).isEqualTo("/incidents/1");
            FormClient.Page incident = browser.get("/incidents/1");
            assertThat(incident.body()).contains("Test alert from the web UI, sent by Alice Keller")
                    .contains("Test alert sent on Customer API: it opened incident #1")
                    .containsPattern("<strong>(Alice Keller|Bob Meier)</strong>");   // whoever the demo's primary schedule has now
            assertThat(server.tocsin().incidents().findIncident(1).orElseThrow().urgency().wireName()).isEqualTo("high");
        }
    }

    @Test
    void anObserverSeesNoKeyAndCannotSendATestAlert() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("carol", "observer password", Role.OBSERVER);
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("carol@example.com", "observer password");
            FormClient.Page page = browser.get("/services/customer-api");
            assertThat(page.body()).doesNotContain(Demo.EVENTS_KEY).doesNotContain("Send a test alert");
            FormClient.Page refused = browser.post("/services/customer-api/test-alert", Map.of("_csrf", page.csrf()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("role 'observer' may not do this");
            assertThat(server.tocsin().incidents().findIncident(1)).isEmpty();
            assertThat(browser.get("/services/nope").status()).isEqualTo(404);
        }
    }
}
