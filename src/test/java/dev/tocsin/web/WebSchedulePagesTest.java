package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class WebSchedulePagesTest {
    @Test
    void aResponderTakesThePagerAndTheFinalScheduleShowsIt() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("carol", "carol's password", Role.RESPONDER);
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("carol@example.com", "carol's password");

            FormClient.Page list = browser.get("/schedules");
            assertThat(list.body()).contains("Platform primary").contains("Platform backup")
                    .containsPattern("on call now: <strong>(Alice Keller|Bob Meier)</strong>");

            FormClient.Page schedule = browser.get("/schedules/platform-primary");
            assertThat(schedule.body()).contains("The next two weeks").contains("Times in Australia/Sydney")
                    .contains("No overrides in the next two weeks.").contains("Take the pager");
            assertThat(browser.get("/schedules/platform-primary?zone=schedule").body()).contains("Times in Europe/Zurich");

            FormClient.Page taken = browser.post("/schedules/platform-primary/take-pager",
                    Map.of("_csrf", schedule.csrf(), "for", "2h", "reason", "covering the deploy"));
            assertThat(taken.status()).isEqualTo(303);
            FormClient.Page after = browser.get("/schedules/platform-primary");
            assertThat(after.body()).contains("You have the pager of Platform primary for 2h.")
                    .contains("<strong>Carol Tan</strong>")
                    .contains("replaces everyone");
            assertThat(Pattern.compile("class=\"shift current[^\"]*\">\\s*<span class=\"when\">[^<]*</span>\\s*<span class=\"who\">Carol Tan</span>")
                    .matcher(after.body()).find()).as(after.body()).isTrue();
            assertThat(server.tocsin().onCall().forSchedule("platform-primary").at(java.time.Instant.now())).containsExactly("carol");
        }
    }

    @Test
    void badInputAndObserversAreRefusedWithAMessage() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", WebLoginTest.PASSWORD);
            String csrf = browser.get("/schedules/platform-primary").csrf();
            FormClient.Page bad = browser.post("/schedules/platform-primary/take-pager", Map.of("_csrf", csrf, "for", "forever"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("for: ");
            assertThat(browser.get("/schedules/nope").status()).isEqualTo(404);

            server.tocsin().webLogins().setPassword("carol", "observer password", Role.OBSERVER);
            FormClient observer = new FormClient(server.baseUrl());
            observer.signIn("carol@example.com", "observer password");
            FormClient.Page page = observer.get("/schedules/platform-primary");
            assertThat(page.body()).doesNotContain("Take the pager");
            FormClient.Page refused = observer.post("/schedules/platform-primary/take-pager", Map.of("_csrf", page.csrf(), "for", "1h"));
            assertThat(refused.status()).isEqualTo(403);
        }
    }
}
