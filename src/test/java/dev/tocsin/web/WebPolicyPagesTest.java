package dev.tocsin.web;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebPolicyPagesTest {
    @Test
    void aPolicyPageShowsItsLevelsAndWhatTheEngineWouldDoNow() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            assertThat(browser.get("/policies").body()).contains("href=\"/policies/platform\"").contains("3 level(s)");

            FormClient.Page page = browser.get("/policies/platform");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("schedule:platform-primary").contains("escalates after 15m")
                    .contains("If a high-urgency alert arrived now")
                    .contains("+0m (")                         // the first notification, at once
                    .containsPattern("<strong>(Alice Keller|Bob Meier)</strong> by console")
                    .contains("+15m (")                        // the policy's second level
                    .contains("What a simulation cannot know");
            FormClient.Page low = browser.get("/policies/platform?urgency=low");
            assertThat(low.body()).contains("If a low-urgency alert arrived now");
            assertThat(browser.get("/policies/nope").status()).isEqualTo(404);
        }
    }
}
