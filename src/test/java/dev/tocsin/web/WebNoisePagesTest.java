package dev.tocsin.web;

import dev.tocsin.app.Demo;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolution notes and recurring-alert history on the incident page; the noisy-alerts page and its follow-ups. */
class WebNoisePagesTest {
    private static void trigger(TestServer server, String dedupKey, String summary) {
        var response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedupKey + "\",\"payload\":{\"summary\":\"" + summary
                + "\",\"source\":\"db1\",\"severity\":\"critical\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void aResolutionNoteWrittenOnThePageShowsOnTheNextIncidentOfTheAlert() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            trigger(server, "disk-db1", "Disk almost full on db1");
            FormClient.Page first = browser.get("/incidents/1");
            assertThat(first.body()).contains("What fixed it?").doesNotContain("This alert before");
            FormClient.Page resolved = browser.post("/incidents/1/resolve",
                    Map.of("_csrf", first.csrf(), "resolution", "Removed old <dumps> from /var/backups"));
            assertThat(resolved.status()).isEqualTo(303);
            assertThat(browser.get("/incidents/1").body()).contains("Removed old &lt;dumps&gt; from /var/backups")
                    .contains("Save the resolution note");

            trigger(server, "disk-db1", "Disk almost full on db1");
            FormClient.Page second = browser.get("/incidents/2");
            assertThat(second.body()).contains("This alert before").contains("Fired 2 times in 7 days")
                    .contains("What fixed it last time").contains("Removed old &lt;dumps&gt; from /var/backups")
                    .contains("href=\"/incidents/1\"");

            FormClient.Page noisy = browser.get("/reports/noisy");
            assertThat(noisy.status()).isEqualTo(200);
            assertThat(noisy.body()).contains("Disk almost full on db1").contains("fired 2 time(s)").contains("Create a follow-up");
            FormClient.Page raised = browser.post("/reports/noisy/follow-ups", Map.of("_csrf", noisy.csrf(), "incident", "2"));
            assertThat(raised.status()).isEqualTo(303);
            FormClient.Page after = browser.get("/reports/noisy");
            assertThat(after.body()).contains("Recurring: Disk almost full on db1").contains("follow-up 1 open");
            assertThat(browser.post("/reports/noisy/follow-ups/1/close", Map.of("_csrf", noisy.csrf())).status()).isEqualTo(303);
            assertThat(browser.post("/reports/noisy/follow-ups/1/close", Map.of("_csrf", noisy.csrf())).status()).isEqualTo(409);
            assertThat(browser.post("/reports/noisy/follow-ups", Map.of("_csrf", noisy.csrf(), "incident", "x")).status()).isEqualTo(400);
        }
    }
}
