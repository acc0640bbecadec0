package dev.tocsin.web;

import dev.tocsin.app.Demo;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Merge from the list, rename on the incident page, and the ack guard in the web UI, over HTTP. */
class WebTriageTest {
    private static void trigger(TestServer server, String dedupKey, String summary) {
        var response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedupKey + "\",\"payload\":{\"summary\":\"" + summary
                + "\",\"source\":\"test\",\"severity\":\"critical\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void tickedIncidentsMergeIntoOneAndItCanBeRenamed(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            trigger(server, "disk", "Disk full");
            trigger(server, "latency", "Latency high");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page list = browser.get("/incidents");
            assertThat(list.body()).contains("Merge ticked");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", list.csrf());
            form.put("action", "merge");
            form.put("into", "2");
            form.put("incident", "1");
            FormClient.Page merged = browser.post("/incidents/bulk", form);

            assertThat(merged.status()).isEqualTo(303);
            assertThat(browser.get(merged.location()).body()).contains("#1 merged into #2 by Alice Keller (web)");
            assertThat(server.tocsin().incidents().findIncident(1).orElseThrow().status().wireName()).isEqualTo("resolved");
            FormClient.Page survivor = browser.get("/incidents/2");
            assertThat(survivor.body()).contains("Merged #1 into this by alice via web").contains("href=\"/incidents/1\"")
                    .contains("Alerts (2)");

            FormClient.Page renamed = browser.post("/incidents/2/rename", Map.of("_csrf", survivor.csrf(),
                    "title", "Database cluster trouble"));
            assertThat(renamed.status()).isEqualTo(303);
            assertThat(browser.get("/incidents/2").body()).contains("Database cluster trouble")
                    .contains("Renamed by alice via web from").contains("Latency high");
            assertThat(browser.get("/incidents?status=all").body()).contains("Database cluster trouble");

            FormClient.Page itself = browser.post("/incidents/2/merge", Map.of("_csrf", survivor.csrf(), "into", "2"));
            assertThat(itself.status()).isEqualTo(400);
            assertThat(itself.body()).contains("cannot merge incident #2 into itself");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aResponderWhoWasNotPagedIsRefusedOnThePageAndJoinsInstead(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            server.tocsin().webLogins().setPassword("carol", WebLoginTest.PASSWORD, Role.RESPONDER);
            trigger(server, "disk", "Disk full");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("carol@example.com", WebLoginTest.PASSWORD);
            FormClient.Page page = browser.get("/incidents/1");
            assertThat(page.body()).contains("Join as responder");

            FormClient.Page refused = browser.post("/incidents/1/acknowledge", Map.of("_csrf", page.csrf()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("you were not paged for #1").contains("join as responder")
                    .contains("Join as responder");
            assertThat(server.tocsin().incidents().findIncident(1).orElseThrow().status().wireName()).isEqualTo("triggered");

            FormClient.Page joined = browser.post("/incidents/1/join", Map.of("_csrf", page.csrf()));
            assertThat(joined.status()).isEqualTo(303);
            assertThat(browser.get("/incidents/1").body()).contains("Joined as responder by carol via web");
        }
    }
}
