package dev.tocsin.web;

import dev.tocsin.app.Demo;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Snooze from the incident page and maintenance windows on the service page, through the same services as the API. */
class WebHoldPagesTest {
    private static void trigger(TestServer server, String summary) {
        var response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"" + summary + "\",\"source\":\"db1\",\"severity\":\"critical\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void anIncidentIsSnoozedFromItsPageAndTheListSaysSo() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            trigger(server, "Disk almost full");
            FormClient.Page page = browser.get("/incidents/1");
            assertThat(page.body()).contains("Snooze: stop paging now");
            FormClient.Page bad = browser.post("/incidents/1/snooze", Map.of("_csrf", page.csrf(), "for", "soon"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("for: 'soon' is not a duration like 30m or 2h");
            FormClient.Page snoozed = browser.post("/incidents/1/snooze", Map.of("_csrf", page.csrf(), "for", "2h"));
            assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(303);
            assertThat(browser.get("/incidents/1").body()).contains("Snoozed until");
            assertThat(browser.get("/incidents").body()).contains("Snoozed until");
            assertThat(server.http().get("/api/v1/incidents/1").body()).contains("\"kind\":\"snoozed\"");
        }
    }

    @Test
    void maintenanceIsStartedAndEndedOnTheServicePage() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page page = browser.get("/services/customer-api");
            assertThat(page.body()).contains("No maintenance now or planned.");
            assertThat(browser.post("/services/customer-api/maintenance", Map.of("_csrf", page.csrf(), "for", "forever")).status())
                    .isEqualTo(400);
            FormClient.Page started = browser.post("/services/customer-api/maintenance",
                    Map.of("_csrf", page.csrf(), "for", "30m", "reason", "database upgrade"));
            assertThat(started.status()).as(started.body()).isEqualTo(303);
            FormClient.Page during = browser.get("/services/customer-api");
            assertThat(during.body()).contains("nobody is paged for this service until then").contains("database upgrade").contains("End now");
            assertThat(server.http().get("/api/v1/maintenance").body()).contains("database upgrade");
            var id = server.http().get("/api/v1/maintenance").json().path("windows").get(0).path("id").asLong();
            assertThat(browser.post("/services/customer-api/maintenance/" + id + "/end", Map.of("_csrf", page.csrf())).status()).isEqualTo(303);
            assertThat(browser.get("/services/customer-api").body()).contains("No maintenance now or planned.");
        }
    }
}
