package dev.tocsin.web;

import dev.tocsin.app.Demo;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebIncidentPagesTest {
    private static void trigger(TestServer server, String summary) {
        var response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"" + summary + "\",\"source\":\"test\","
                + "\"severity\":\"critical\"},\"links\":[{\"href\":\"javascript:alert(1)\",\"text\":\"runbook\"},"
                + "{\"href\":\"https://wiki.example/runbook\",\"text\":\"wiki\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aResponderAcknowledgesFromTheIncidentPageAndTheTimelineSaysWeb(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            trigger(server, "Checkout <b>latency</b>");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);

            FormClient.Page list = browser.get("/incidents");
            assertThat(list.body()).contains("<title>(1) Incidents · Tocsin</title>")
                    .contains("Checkout &lt;b&gt;latency&lt;/b&gt;").doesNotContain("<b>latency</b>");

            FormClient.Page page = browser.get("/incidents/1");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Acknowledge").contains("href=\"https://wiki.example/runbook\"")
                    .doesNotContain("href=\"javascript:");

            FormClient.Page forged = browser.post("/incidents/1/acknowledge", Map.of());
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("reload the page");
            assertThat(server.tocsin().incidents().findIncident(1).orElseThrow().status().wireName()).isEqualTo("triggered");

            FormClient.Page acknowledged = browser.post("/incidents/1/acknowledge", Map.of("_csrf", page.csrf()));
            assertThat(acknowledged.status()).isEqualTo(303);
            assertThat(acknowledged.location()).isEqualTo("/incidents/1");
            FormClient.Page after = browser.get("/incidents/1");
            assertThat(after.body()).contains("#1 acknowledged by Alice Keller (web)").contains("Acknowledged by alice via web")
                    .contains("Alice Keller · web");
            var timeline = server.http().get("/api/v1/incidents/1").json().get("timeline");
            assertThat(timeline.findValuesAsText("channel")).contains("web");
        }
    }

    @Test
    void bulkActionsGoBackToTheSameFilteredList() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            trigger(server, "one");
            trigger(server, "two");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page list = browser.get("/incidents?urgency=high");
            var form = new java.util.LinkedHashMap<String, String>();
            form.put("_csrf", list.csrf());
            form.put("back", "/incidents?urgency=high");
            form.put("action", "resolve");
            form.put("incident", "1");
            FormClient.Page done = browser.post("/incidents/bulk", form);
            assertThat(done.status()).isEqualTo(303);
            assertThat(done.location()).isEqualTo("/incidents?urgency=high");
            assertThat(browser.get(done.location()).body()).contains("#1 resolved by Alice Keller (web)").contains(">#2<").doesNotContain(">#1<");
            form.put("action", "dance");
            form.put("incident", "2");
            FormClient.Page refused = browser.post("/incidents/bulk", form);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("action: choose acknowledge, resolve or merge");
            assertThat(server.tocsin().incidents().findIncident(2).orElseThrow().status().wireName()).isEqualTo("triggered");
        }
    }

    @Test
    void anObserverSeesNoActionsAndIsRefusedOnTheServer() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("carol", "observer password", Role.OBSERVER);
            trigger(server, "watched");
            FormClient browser = new FormClient(server.baseUrl());
            assertThat(browser.signIn("carol@example.com", "observer password").status()).isEqualTo(303);
            FormClient.Page page = browser.get("/incidents/1");
            assertThat(page.body()).doesNotContain(">Acknowledge<").doesNotContain("Acknowledge ticked");
            FormClient.Page refused = browser.post("/incidents/1/acknowledge", Map.of("_csrf", page.csrf()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("role 'observer' may not do this");
            assertThat(server.tocsin().incidents().findIncident(1).orElseThrow().status().wireName()).isEqualTo("triggered");
        }
    }

    @Test
    void badInputGetsAPageThatSaysWhatIsWrong() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            trigger(server, "noted");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            String csrf = browser.get("/incidents").csrf();
            FormClient.Page emptyNote = browser.post("/incidents/1/note", Map.of("_csrf", csrf, "text", "   "));
            assertThat(emptyNote.status()).isEqualTo(400);
            assertThat(emptyNote.body()).contains("a note needs some text").contains("#1");
            FormClient.Page badTarget = browser.post("/incidents/1/escalate", Map.of("_csrf", csrf, "to", "user:nobody"));
            assertThat(badTarget.status()).isEqualTo(400);
            assertThat(badTarget.body()).contains("user:nobody is not configured");
            assertThat(browser.get("/incidents/999").status()).isEqualTo(404);
            FormClient.Page notANumber = browser.get("/incidents/abc");
            assertThat(notANumber.status()).isEqualTo(404);
            assertThat(notANumber.body()).contains("incident 'abc'");
            assertThat(browser.post("/incidents/1/dance", Map.of("_csrf", csrf)).status()).isEqualTo(404);
            assertThat(browser.get("/no/such/page").body()).contains("There is no page here");
        }
    }

    @Test
    void aLiveConnectionFirstTellsWhatChangedSinceThePageWasReadAndNeedsASession() throws Exception {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page page = browser.get("/incidents");
            java.util.regex.Matcher since = java.util.regex.Pattern.compile("sse-connect=\"/live\\?since=(\\d+)\"").matcher(page.body());
            assertThat(since.find()).as(page.body()).isTrue();
            trigger(server, "after the page was read");   // before the page's live connection opens

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String cookie = browser.cookieHeader();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/live?since=" + since.group(1)))
                    .header("Cookie", cookie).header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            var lines = response.body().iterator();
            java.util.List<String> seen = new java.util.ArrayList<>();
            while (lines.hasNext() && !seen.contains("event: incident-1")) seen.add(lines.next());
            assertThat(seen).contains("event: incident", "event: incident-1");

            var anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/live?since=0")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.body()).doesNotContain("event:");
        }
    }

    @Test
    void aLongListPagesOnToOlderIncidentsWithTheSameFilters() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            for (int i = 1; i <= IncidentPages.LIST_LIMIT + 5; i++) trigger(server, "storm " + i);
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page first = browser.get("/incidents?urgency=high");
            assertThat(first.body()).contains("storm " + (IncidentPages.LIST_LIMIT + 5)).doesNotContain(" storm 5</a>")
                    .doesNotContain("Newest incidents");
            java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"(/incidents\\?urgency=high&amp;before=\\d+)\"")
                    .matcher(first.body());
            assertThat(older.find()).as("a link to the older incidents").isTrue();
            FormClient.Page second = browser.get(older.group(1).replace("&amp;", "&"));
            assertThat(second.body()).contains("storm 5").contains("storm 1").doesNotContain("storm 6")
                    .contains("Newest incidents").doesNotContain("Older incidents");
            assertThat(second.body()).contains("hx-get=\"/incidents/rows?urgency=high&amp;before=");
            assertThat(browser.get("/incidents?before=nonsense").status()).isEqualTo(200);
        }
    }
}
