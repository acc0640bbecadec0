package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule page's forms and My on-call's requests and calendar link, over HTTP. The clock stands on Wednesday
 * 2 December 2026, 11:00 in Zurich, so the demo's weekly rotations are known: on Platform primary alice has this
 * week (from Mon 30 Nov 09:00), bob the next, alice the one after; carol (Sydney) is in no rotation.
 */
class WebScheduleChangesTest {
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final String PRIMARY = "platform-primary";

    static TestServer server(TestDatabases.Kind kind) {
        TestServer server = TestServer.start(kind, TestServer.resource("demo/organisation.yaml"), new SettableClock(NOW));
        server.tocsin().webLogins().setPassword("alice", WebLoginTest.PASSWORD, Role.ADMIN);
        server.tocsin().webLogins().setPassword("bob", "bob's password", Role.RESPONDER);
        server.tocsin().webLogins().setPassword("carol", "carol's password", Role.RESPONDER);
        return server;
    }

    static FormClient signIn(TestServer server, String user) {
        FormClient browser = new FormClient(server.baseUrl());
        String password = user.equals("alice") ? WebLoginTest.PASSWORD : user + "'s password";
        assertThat(browser.signIn(user + "@example.com", password).status()).isEqualTo(303);
        return browser;
    }

    private static java.util.Set<String> onCallAt(TestServer server, String instant) {
        return server.tocsin().onCall().forSchedule(PRIMARY).at(Instant.parse(instant));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) form.put(pairs[i], pairs[i + 1]);
        return form;
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anOverridePickedByRangeChangesTheFinalScheduleAndCanBeRemoved(TestDatabases.Kind kind) {
        try (TestServer server = server(kind)) {
            FormClient bob = signIn(server, "bob");
            FormClient.Page page = bob.get("/schedules/" + PRIMARY);
            assertThat(page.body()).contains("Add an override").contains("type=\"datetime-local\"")
                    .contains("<p id=\"override-zone\" class=\"hint\">Times in Europe/Zurich.</p>");
            assertThat(onCallAt(server, "2026-12-03T10:00:00Z")).containsExactly("alice");

            FormClient.Page added = bob.post("/schedules/" + PRIMARY + "/overrides", form("_csrf", page.csrf(), "user", "bob",
                    "replacing", "", "from", "2026-12-03T09:00", "until", "2026-12-03T17:00", "reason", "alice at the dentist"));
            assertThat(added.status()).as(added.body()).isEqualTo(303);
            assertThat(onCallAt(server, "2026-12-03T10:00:00Z")).containsExactly("bob");   // 11:00 in Zurich
            assertThat(onCallAt(server, "2026-12-03T16:30:00Z")).containsExactly("alice"); // 17:30 in Zurich

            FormClient.Page after = bob.get("/schedules/" + PRIMARY);
            assertThat(after.body()).contains("Bob Meier covers Platform primary from Thu 3 Dec 09:00 Europe/Zurich until Thu 3 Dec 17:00 Europe/Zurich.")
                    .contains("alice at the dentist");
            assertThat(Pattern.compile("<span class=\"who\">Bob Meier</span>").matcher(after.body()).find()).isTrue();
            Matcher remove = Pattern.compile("action=\"(/schedules/platform-primary/overrides/ov_[^/]+/remove)\"").matcher(after.body());
            assertThat(remove.find()).as(after.body()).isTrue();

            // carol reads her times in Sydney's zone, so 09:00 for her is 22:00 UTC the day before
            FormClient carol = signIn(server, "carol");
            FormClient.Page carolsPage = carol.get("/schedules/" + PRIMARY);
            assertThat(carolsPage.body()).contains("Times in Australia/Sydney.").doesNotContain(remove.group(1));
            assertThat(carol.post("/schedules/" + PRIMARY + "/overrides", form("_csrf", carolsPage.csrf(), "user", "carol",
                    "from", "2026-12-05T09:00", "until", "2026-12-05T12:00")).status()).isEqualTo(303);
            assertThat(onCallAt(server, "2026-12-04T22:30:00Z")).containsExactly("carol");
            // ... unless the page shows the schedule's zone, whose times the form then reads
            assertThat(carol.post("/schedules/" + PRIMARY + "/overrides", form("_csrf", carolsPage.csrf(), "user", "carol",
                    "zone", "schedule", "from", "2026-12-05T20:00", "until", "2026-12-05T21:00")).location())
                    .isEqualTo("/schedules/platform-primary?zone=schedule");
            assertThat(onCallAt(server, "2026-12-05T19:30:00Z")).containsExactly("carol");

            FormClient.Page removed = bob.post(remove.group(1), form("_csrf", page.csrf()));
            assertThat(removed.status()).isEqualTo(303);
            assertThat(bob.get("/schedules/" + PRIMARY).body()).contains("Override removed: Bob Meier is no longer on call in Platform primary");
            assertThat(onCallAt(server, "2026-12-03T10:00:00Z")).containsExactly("alice");
            // the service's rule: bob may not remove carol's override (he is neither its person nor a manager)
            Matcher carols = Pattern.compile("/schedules/platform-primary/overrides/(ov_[^/]+)/remove")
                    .matcher(carol.get("/schedules/" + PRIMARY).body());
            assertThat(carols.find()).isTrue();
            FormClient.Page refused = bob.post("/schedules/" + PRIMARY + "/overrides/" + carols.group(1) + "/remove", form("_csrf", page.csrf()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("role=\"alert\"").contains("may remove someone else's override");
        }
    }

    @Test
    void badRangesComeBackWithTheMessageNextToTheField() {
        try (TestServer server = server(TestDatabases.Kind.SQLITE)) {
            FormClient bob = signIn(server, "bob");
            String csrf = bob.get("/schedules/" + PRIMARY).csrf();
            String path = "/schedules/" + PRIMARY + "/overrides";

            FormClient.Page backwards = bob.post(path, form("_csrf", csrf, "user", "bob", "from", "2026-12-03T17:00",
                    "until", "2026-12-03T09:00", "reason", "kept"));
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.body()).containsPattern("aria-describedby=\"override-zone override-until-error\" aria-invalid=\"true\"")
                    .containsPattern("<p id=\"override-until-error\" class=\"field-error\" role=\"alert\">must be after start")
                    .contains("value=\"2026-12-03T17:00\"").contains("value=\"kept\"")
                    .contains("<details class=\"change\" open>");

            FormClient.Page unreadable = bob.post(path, form("_csrf", csrf, "user", "bob", "from", "tomorrow", "until", ""));
            assertThat(unreadable.status()).isEqualTo(400);
            assertThat(unreadable.body()).containsPattern("id=\"override-from-error\" class=\"field-error\" role=\"alert\">'tomorrow' is not a time")
                    .containsPattern("id=\"override-until-error\" class=\"field-error\" role=\"alert\">a time is required");

            FormClient.Page unknown = bob.post(path, form("_csrf", csrf, "user", "nobody", "from", "2026-12-03T09:00", "until", "2026-12-03T10:00"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("id=\"override-user-error\" class=\"field-error\" role=\"alert\">'nobody' is not a configured user");

            FormClient.Page past = bob.post(path, form("_csrf", csrf, "user", "bob", "from", "2026-12-01T09:00", "until", "2026-12-01T10:00"));
            assertThat(past.status()).isEqualTo(400);
            assertThat(past.body()).contains("id=\"override-until-error\"").contains("is in the past");

            FormClient.Page someoneElse = bob.post(path, form("_csrf", csrf, "user", "carol", "from", "2026-12-03T09:00", "until", "2026-12-03T10:00"));
            assertThat(someoneElse.status()).isEqualTo(403);
            assertThat(someoneElse.body()).contains("class=\"error\" role=\"alert\">only an admin or a manager");
            assertThat(onCallAt(server, "2026-12-03T08:30:00Z")).containsExactly("alice");

            FormClient.Page noToken = bob.post(path, form("user", "bob", "from", "2026-12-03T09:00", "until", "2026-12-03T10:00"));
            assertThat(noToken.status()).isEqualTo(403);
        }
    }

    @Test
    void anObserverSeesNoFormsAndIsRefusedThem() {
        try (TestServer server = server(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("carol", "carol's password", Role.OBSERVER);
            FormClient carol = signIn(server, "carol");
            FormClient.Page page = carol.get("/schedules/" + PRIMARY);
            assertThat(page.body()).doesNotContain("Add an override").doesNotContain("Ask for cover").doesNotContain("Propose a swap");
            for (String path : new String[]{"/overrides", "/cover-requests", "/swaps"}) {
                FormClient.Page refused = carol.post("/schedules/" + PRIMARY + path, form("_csrf", page.csrf(), "user", "carol",
                        "from", "2026-12-03T09:00", "until", "2026-12-03T10:00"));
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.body()).contains("role 'observer' may not do this; it needs 'responder'");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aCoverRequestFromTheSchedulePageIsAcceptedFromMyOnCallOnceOnly(TestDatabases.Kind kind) {
        try (TestServer server = server(kind)) {
            FormClient bob = signIn(server, "bob");
            FormClient.Page page = bob.get("/schedules/" + PRIMARY);
            // bob's next shift on primary is the coming week; the form starts with its times
            assertThat(page.body()).contains("id=\"cover-from\" type=\"datetime-local\" name=\"from\" value=\"2026-12-07T09:00\"");
            FormClient.Page asked = bob.post("/schedules/" + PRIMARY + "/cover-requests", form("_csrf", page.csrf(),
                    "from", "2026-12-08T09:00", "until", "2026-12-09T09:00", "user", "", "reason", "school play"));
            assertThat(asked.status()).as(asked.body()).isEqualTo(303);
            assertThat(bob.get("/schedules/" + PRIMARY).body()).contains("Asked everyone on Platform primary's team to cover you");

            FormClient carol = signIn(server, "carol");
            FormClient.Page inbox = carol.get("/me");
            assertThat(inbox.body()).contains("Requests for you").contains("<strong>Bob Meier</strong> asks the team")
                    .contains("Reason: school play");
            Matcher accept = Pattern.compile("action=\"(/me/cover-requests/(cr_[^/]+)/accept)\"").matcher(inbox.body());
            assertThat(accept.find()).as(inbox.body()).isTrue();
            FormClient alice = signIn(server, "alice");
            String alicesCsrf = alice.get("/me").csrf();   // alice is on the team too: she sees it before carol answers

            FormClient.Page accepted = carol.post(accept.group(1), form("_csrf", inbox.csrf()));
            assertThat(accepted.status()).isEqualTo(303);
            assertThat(accepted.location()).isEqualTo("/me");
            assertThat(carol.get("/me").body()).contains("You cover Bob Meier in Platform primary from Tue 8 Dec 19:00 Australia/Sydney")
                    .contains("Nobody is asking you to cover or swap a shift.");
            assertThat(onCallAt(server, "2026-12-08T12:00:00Z")).containsExactly("carol");
            assertThat(onCallAt(server, "2026-12-09T12:00:00Z")).containsExactly("bob");
            assertThat(bob.get("/schedules/" + PRIMARY).body()).contains("<span class=\"who\">Carol Tan</span>");

            FormClient.Page second = alice.post(accept.group(1), form("_csrf", alicesCsrf));
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.body()).contains("class=\"error\" role=\"alert\">cannot accept cover request '" + accept.group(2)
                    + "': it was already accepted by carol");
            assertThat(bob.get("/me").body()).contains("Your requests").contains("accepted by Carol Tan");
        }
    }

    @Test
    void aCoverRequestToOneColleagueIsDeclined() {
        try (TestServer server = server(TestDatabases.Kind.SQLITE)) {
            FormClient bob = signIn(server, "bob");
            String csrf = bob.get("/schedules/" + PRIMARY).csrf();
            FormClient.Page wrong = bob.post("/schedules/" + PRIMARY + "/cover-requests", form("_csrf", csrf,
                    "from", "2026-12-03T09:00", "until", "2026-12-03T17:00", "user", "alice"));
            assertThat(wrong.status()).isEqualTo(400);   // the week is alice's: bob has nothing to cover
            assertThat(wrong.body()).contains("nothing to cover").contains("<details class=\"change\" open>");
            assertThat(bob.post("/schedules/" + PRIMARY + "/cover-requests", form("_csrf", csrf,
                    "from", "2026-12-08T09:00", "until", "2026-12-08T17:00", "user", "alice")).status()).isEqualTo(303);

            FormClient alice = signIn(server, "alice");
            FormClient.Page inbox = alice.get("/me");
            assertThat(inbox.body()).contains("<strong>Bob Meier</strong> asks you");
            assertThat(signIn(server, "carol").get("/me").body()).doesNotContain("asks you");   // asked of alice alone
            Matcher decline = Pattern.compile("action=\"(/me/cover-requests/cr_[^/]+/decline)\"").matcher(inbox.body());
            assertThat(decline.find()).isTrue();
            assertThat(alice.post(decline.group(1), form("_csrf", inbox.csrf())).status()).isEqualTo(303);
            assertThat(alice.get("/me").body()).contains("You declined Bob Meier's request for cover in Platform primary.");
            assertThat(bob.get("/me").body()).contains("declined by Alice Keller");
            assertThat(onCallAt(server, "2026-12-08T12:00:00Z")).containsExactly("bob");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSwapProposedOnTheSchedulePageIsAcceptedFromMyOnCall(TestDatabases.Kind kind) {
        try (TestServer server = server(kind)) {
            FormClient bob = signIn(server, "bob");
            FormClient.Page page = bob.get("/schedules/" + PRIMARY);
            assertThat(page.body()).contains("<option value=\"2026-12-07T08:00:00Z\"")
                    .contains("<option value=\"alice@2026-12-14T08:00:00Z\"");
            FormClient.Page proposed = bob.post("/schedules/" + PRIMARY + "/swaps", form("_csrf", page.csrf(),
                    "mine", "2026-12-07T08:00:00Z", "theirs", "alice@2026-12-14T08:00:00Z", "reason", "holiday"));
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(303);
            FormClient.Page badSwap = bob.post("/schedules/" + PRIMARY + "/swaps", form("_csrf", page.csrf(),
                    "mine", "2026-12-07T08:00:00Z", "theirs", "carol@2026-12-14T08:00:00Z"));
            assertThat(badSwap.status()).isEqualTo(400);
            assertThat(badSwap.body()).contains("id=\"swap-theirs-error\"").contains("is not on call in schedule");

            FormClient alice = signIn(server, "alice");
            FormClient.Page inbox = alice.get("/me");
            assertThat(inbox.body()).contains("<strong>Bob Meier</strong> offers a swap");
            Matcher accept = Pattern.compile("action=\"(/me/swaps/sw_[^/]+/accept)\"").matcher(inbox.body());
            assertThat(accept.find()).isTrue();
            assertThat(alice.post(accept.group(1), form("_csrf", inbox.csrf())).status()).isEqualTo(303);
            assertThat(alice.get("/me").body()).contains("Swap done: you are on call in Platform primary");
            assertThat(onCallAt(server, "2026-12-08T12:00:00Z")).containsExactly("alice");
            assertThat(onCallAt(server, "2026-12-15T12:00:00Z")).containsExactly("bob");
            assertThat(bob.get("/me").body()).contains("Swap with Alice Keller").contains("accepted by Alice Keller");
            FormClient.Page again = alice.post(accept.group(1), form("_csrf", inbox.csrf()));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("was already accepted");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void myCalendarLinkIsShownOnceAndANewOneStopsTheOld(TestDatabases.Kind kind) {
        try (TestServer server = server(kind)) {
            FormClient bob = signIn(server, "bob");
            FormClient.Page me = bob.get("/me");
            assertThat(me.body()).contains("Your calendar feed").contains("No calendar link yet").contains("Make a calendar link");
            FormClient.Page made = bob.post("/me/calendar", form("_csrf", me.csrf()));
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.headers().firstValue("Cache-Control")).contains("no-store");
            String first = feedPath(made, "users/bob");
            assertThat(made.body()).contains("href=\"webcal://");
            assertThat(bob.get(first).status()).isEqualTo(200);
            assertThat(bob.get(first).body()).contains("BEGIN:VCALENDAR");
            FormClient.Page later = bob.get("/me");
            assertThat(later.body()).doesNotContain("tcal_").contains("A link was made on").contains("New link (the old one stops working)");

            String second = feedPath(bob.post("/me/calendar", form("_csrf", me.csrf())), "users/bob");
            assertThat(second).isNotEqualTo(first);
            assertThat(bob.get(first).status()).isEqualTo(404);
            assertThat(bob.get(second).status()).isEqualTo(200);
        }
    }

    @Test
    void aSchedulesCalendarLinkIsMadeByAnyoneAndRenewedByAdminsOnly() {
        try (TestServer server = server(TestDatabases.Kind.SQLITE)) {
            FormClient bob = signIn(server, "bob");
            FormClient.Page page = bob.get("/schedules/" + PRIMARY);
            assertThat(page.body()).contains("Calendar feed").contains("Make a calendar link");
            FormClient.Page made = bob.post("/schedules/" + PRIMARY + "/calendar", form("_csrf", page.csrf()));
            assertThat(made.status()).isEqualTo(201);
            String first = feedPath(made, "schedules/platform-primary");
            assertThat(bob.get(first).status()).isEqualTo(200);
            FormClient.Page again = bob.get("/schedules/" + PRIMARY);
            assertThat(again.body()).doesNotContain("tcal_").contains("Only an admin can make a new link");
            FormClient.Page refused = bob.post("/schedules/" + PRIMARY + "/calendar", form("_csrf", page.csrf()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(bob.get(first).status()).isEqualTo(200);

            FormClient alice = signIn(server, "alice");
            FormClient.Page renewed = alice.post("/schedules/" + PRIMARY + "/calendar", form("_csrf", alice.get("/schedules/" + PRIMARY).csrf()));
            assertThat(renewed.status()).isEqualTo(201);
            String second = feedPath(renewed, "schedules/platform-primary");
            assertThat(bob.get(first).status()).isEqualTo(404);
            assertThat(bob.get(second).status()).isEqualTo(200);
        }
    }

    /** The feed's path (with its token) from the read-only field of the page that issued it. */
    private static String feedPath(FormClient.Page page, String subject) {
        Matcher url = Pattern.compile("readonly value=\"https?://[^/\"]+(/calendar/" + subject + "\\.ics\\?token=tcal_[A-Za-z0-9_-]+)\"")
                .matcher(page.body());
        assertThat(url.find()).as(page.body()).isTrue();
        return url.group(1);
    }
}
