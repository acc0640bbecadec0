package dev.tocsin.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and teams pages: contact methods, notification rules and profiles edited through the configuration (a
 * revision with source {@code web}); test pages; invitations and passwords; team members.
 */
class WebPeoplePagesTest {
    private static FormClient signedIn(TestServer server, String email, String password) {
        FormClient browser = new FormClient(server.baseUrl());
        assertThat(browser.signIn(email, password).status()).isEqualTo(303);
        return browser;
    }

    private static JsonNode user(TestServer server, String id) {
        for (JsonNode user : server.http().get("/api/v1/users").json().path("users")) {
            if (user.path("id").asText().equals(id)) return user;
        }
        throw new AssertionError("no user " + id);
    }

    private static String latestSource(TestServer server) {
        return server.http().get("/api/v1/config/revisions").json().path("revisions").get(0).path("source").asText();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPersonEditsTheirNotificationRulesAndTheConfigurationRecordsTheWebEdit(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            server.tocsin().webLogins().setPassword("bob", "bob's password", Role.RESPONDER);
            FormClient bob = signedIn(server, "bob@example.com", "bob's password");
            FormClient.Page page = bob.get("/people/bob");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Notification rules").contains("bob-console").contains("Send a test page")
                    .contains("the next apply of that file replaces them");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", page.csrf());
            form.put("high_after_0", "0m");
            form.put("high_via_0", "bob-console");
            form.put("high_repeat_0", "");
            form.put("high_after_1", "0m");
            form.put("high_via_1", "bob-sms");
            form.put("high_repeat_1", "");
            form.put("high_remove_1", "on");         // bob's SMS step goes
            form.put("high_after_2", "5m");
            form.put("high_via_2", "bob-sms");       // and comes back after 5 minutes, every 10
            form.put("high_repeat_2", "10m");
            form.put("low_after_0", "0m");
            form.put("low_via_0", "bob-console");
            form.put("low_repeat_0", "");
            form.put("low_after_1", "");
            form.put("low_via_1", "");               // the empty row for a new step
            form.put("low_repeat_1", "");
            FormClient.Page saved = bob.post("/people/bob/rules", form);
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            JsonNode high = user(server, "bob").path("notification_rules").path("high");
            assertThat(high.toString()).isEqualTo("[{\"after\":\"0m\",\"via\":\"bob-console\"},"
                    + "{\"after\":\"5m\",\"via\":\"bob-sms\",\"repeat_every\":\"10m\"}]");
            assertThat(latestSource(server)).isEqualTo("web");
            assertThat(bob.get("/people/bob").body()).contains("Notification rules of Bob Meier saved");

            form.put("high_after_2", "soon");
            FormClient.Page refused = bob.post("/people/bob/rules", form);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("value=\"soon\"").contains("Step 3: after: malformed duration")
                    .contains("Not saved: the problems are shown next to the steps above.");
            assertThat(user(server, "bob").path("notification_rules").path("high").get(1).path("after").asText()).isEqualTo("5m");

            FormClient.Page notHis = bob.post("/people/alice/rules", form);
            assertThat(notHis.status()).isEqualTo(403);
            assertThat(notHis.body()).contains("only alice or an admin may change this");
        }
    }

    @Test
    void contactMethodsAreAddedTestedAndRemovedWithReasonsNextToTheForm() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient alice = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            String csrf = alice.get("/people/carol").csrf();

            FormClient.Page bad = alice.post("/people/carol/contact-methods",
                    Map.of("_csrf", csrf, "type", "sms", "id", "carol-sms", "address", "0790000003"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("value=\"0790000003\"").contains("contact_methods[2].to");
            FormClient.Page noAddress = alice.post("/people/carol/contact-methods",
                    Map.of("_csrf", csrf, "type", "email", "id", "carol-work", "address", ""));
            assertThat(noAddress.status()).isEqualTo(400);
            assertThat(noAddress.body()).contains("is required");

            FormClient.Page added = alice.post("/people/carol/contact-methods",
                    Map.of("_csrf", csrf, "type", "sms", "id", "carol-sms", "address", "+61400000003"));
            assertThat(added.status()).as(added.body()).isEqualTo(303);
            assertThat(user(server, "carol").path("contact_methods").toString()).contains("{\"id\":\"carol-sms\",\"type\":\"sms\",\"to\":\"+61400000003\"}");

            FormClient.Page tested = alice.post("/people/carol/contact-methods/carol-console/test-page", Map.of("_csrf", csrf));
            assertThat(tested.status()).isEqualTo(303);
            assertThat(alice.get("/people/carol").body()).contains("sent to carol-console");
            assertThat(server.http().get("/api/v1/notifications").body()).contains("carol-console");

            FormClient.Page inUse = alice.post("/people/carol/contact-methods/carol-console/remove", Map.of("_csrf", csrf));
            assertThat(inUse.status()).isEqualTo(400);
            assertThat(inUse.body()).contains("carol-console");
            FormClient.Page removed = alice.post("/people/carol/contact-methods/carol-sms/remove", Map.of("_csrf", csrf));
            assertThat(removed.status()).isEqualTo(303);
            assertThat(user(server, "carol").path("contact_methods").toString()).doesNotContain("carol-sms");

            FormClient.Page code = alice.post("/people/carol/contact-methods/carol-mail/send-code", Map.of("_csrf", csrf));
            assertThat(code.status()).as(code.body()).isEqualTo(303);
            assertThat(code.location()).contains("verify=carol-mail");
            assertThat(alice.get(code.location().replace("#method-carol-mail", "")).body()).contains("Code sent to carol-mail");
            FormClient.Page wrong = alice.post("/people/carol/contact-methods/carol-mail/confirm-code",
                    Map.of("_csrf", csrf, "code", "12345"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body()).contains("code: must be the six digits that were sent").contains("Code sent to carol-mail");

            FormClient.Page noToken = alice.post("/people/carol/contact-methods/carol-console/test-page", Map.of());
            assertThat(noToken.status()).isEqualTo(403);
        }
    }

    @Test
    void aProfileIsEditedAndAnObserverOnlyReads() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("carol", "carol's password", Role.OBSERVER);
            FormClient alice = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            String csrf = alice.get("/people/bob").csrf();
            FormClient.Page badZone = alice.post("/people/bob/profile", Map.of("_csrf", csrf, "name", "Bob Meier",
                    "email", "bob@example.com", "timezone", "Mars/Olympus", "working_hours", ""));
            assertThat(badZone.status()).isEqualTo(400);
            assertThat(badZone.body()).contains("value=\"Mars/Olympus\"").contains("timezone");
            FormClient.Page saved = alice.post("/people/bob/profile", Map.of("_csrf", csrf, "name", "Robert Meier",
                    "email", "bob@example.com", "timezone", "America/New_York", "working_hours", "Mon-Fri 09:00-17:00"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            JsonNode bob = user(server, "bob");
            assertThat(bob.path("name").asText()).isEqualTo("Robert Meier");
            assertThat(bob.path("timezone").asText()).isEqualTo("America/New_York");

            FormClient carol = signedIn(server, "carol@example.com", "carol's password");
            FormClient.Page people = carol.get("/people");
            assertThat(people.body()).contains("Robert Meier").contains("Platform Engineering");
            FormClient.Page bobsPage = carol.get("/people/bob");
            assertThat(bobsPage.body()).doesNotContain("Save notification rules").doesNotContain("Send a test page")
                    .contains("at once by bob-console");
            assertThat(carol.post("/people/carol/rules", Map.of("_csrf", bobsPage.csrf())).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anInvitationLinkLetsAPersonChooseAPasswordOnce(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            FormClient alice = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page bobsPage = alice.get("/people/bob");
            assertThat(bobsPage.body()).contains("has no web password yet");
            FormClient.Page invited = alice.post("/people/bob/invite", Map.of("_csrf", bobsPage.csrf(), "role", "responder"));
            assertThat(invited.status()).isEqualTo(201);
            assertThat(invited.headers().firstValue("Cache-Control")).contains("no-store");
            Matcher link = Pattern.compile("/invite/(twi_[A-Za-z0-9_-]+)").matcher(invited.body());
            assertThat(link.find()).as(invited.body()).isTrue();
            String path = link.group();

            FormClient bob = new FormClient(server.baseUrl());
            FormClient.Page form = bob.get(path);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body()).contains("Welcome, Bob Meier").contains("bob@example.com");
            FormClient.Page differ = bob.post(path, Map.of("password", "a long password", "password_again", "another one"));
            assertThat(differ.status()).isEqualTo(400);
            assertThat(differ.body()).contains("the two passwords differ");
            FormClient.Page tooShort = bob.post(path, Map.of("password", "short", "password_again", "short"));
            assertThat(tooShort.body()).contains("at least 10 characters");
            FormClient.Page accepted = bob.post(path, Map.of("password", "bob's new password", "password_again", "bob's new password"));
            assertThat(accepted.status()).isEqualTo(303);
            assertThat(bob.get("/incidents").body()).contains("Bob Meier").contains("Welcome, Bob Meier");

            FormClient.Page reused = new FormClient(server.baseUrl()).get(path);
            assertThat(reused.status()).isEqualTo(404);
            assertThat(reused.body()).contains("This invitation was used already");
            assertThat(new FormClient(server.baseUrl()).signIn("bob@example.com", "bob's new password").status()).isEqualTo(303);

            FormClient.Page role = alice.post("/people/bob/sign-in", Map.of("_csrf", bobsPage.csrf(), "role", "observer"));
            assertThat(role.status()).isEqualTo(303);
            assertThat(bob.get("/incidents").status()).as("the role change ended bob's sessions").isEqualTo(302);
            assertThat(alice.get("/people/bob").body()).contains("signs in as <strong>observer</strong>");
            alice.post("/people/bob/sign-in", Map.of("_csrf", bobsPage.csrf(), "remove", "1"));
            assertThat(new FormClient(server.baseUrl()).signIn("bob@example.com", "bob's new password").status()).isNotEqualTo(303);
        }
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndStaysSignedInHereOnly() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient here = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            FormClient elsewhere = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            String csrf = here.get("/people/alice").csrf();
            FormClient.Page wrong = here.post("/people/alice/password", Map.of("_csrf", csrf, "current", "not it",
                    "password", "a brand new password", "password_again", "a brand new password"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body()).contains("current password: that is not your current password");
            FormClient.Page changed = here.post("/people/alice/password", Map.of("_csrf", csrf, "current", WebLoginTest.PASSWORD,
                    "password", "a brand new password", "password_again", "a brand new password"));
            assertThat(changed.status()).isEqualTo(303);
            assertThat(here.get("/people/alice").body()).contains("Your password is changed");
            assertThat(elsewhere.get("/incidents").status()).isEqualTo(302);
            assertThat(new FormClient(server.baseUrl()).signIn("alice@example.com", "a brand new password").status()).isEqualTo(303);
            assertThat(here.post("/people/bob/password", Map.of("_csrf", here.get("/people/alice").csrf())).status()).isEqualTo(403);
        }
    }

    @Test
    void anAdminChangesATeamsMembers() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            server.tocsin().webLogins().setPassword("bob", "bob's password", Role.RESPONDER);
            FormClient alice = signedIn(server, "alice@example.com", WebLoginTest.PASSWORD);
            FormClient.Page team = alice.get("/teams/platform");
            assertThat(team.body()).contains("Platform Engineering").contains("Carol Tan");
            String csrf = team.csrf();
            assertThat(alice.post("/teams/platform/members", Map.of("_csrf", csrf, "user", "carol", "remove", "1")).status()).isEqualTo(303);
            assertThat(alice.post("/teams/platform/members", Map.of("_csrf", csrf, "user", "bob", "role", "manager")).status()).isEqualTo(303);
            JsonNode members = server.http().get("/api/v1/teams").json().path("teams").get(0).path("members");
            assertThat(members.toString()).contains("{\"user\":\"bob\",\"role\":\"manager\"}").doesNotContain("carol");
            assertThat(alice.post("/teams/platform/members", Map.of("_csrf", csrf, "user", "carol", "role", "member")).status()).isEqualTo(303);
            assertThat(alice.post("/teams/platform/members", Map.of("_csrf", csrf, "user", "nobody", "role", "member")).status()).isEqualTo(400);

            FormClient bob = signedIn(server, "bob@example.com", "bob's password");
            FormClient.Page asBob = bob.get("/teams/platform");
            assertThat(asBob.body()).doesNotContain("Add a member");
            assertThat(bob.post("/teams/platform/members", Map.of("_csrf", asBob.csrf(), "user", "bob", "remove", "1")).status()).isEqualTo(403);
            assertThat(alice.get("/teams").status()).isEqualTo(302);
        }
    }
}
