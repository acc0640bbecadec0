package dev.tocsin.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy pages: the levels and the engine's preview, and editing through the web form as a browser without
 * JavaScript sends it; the change lands in the same configuration the API and {@code tocsin apply} manage, recorded
 * with the source {@code web}.
 */
class WebPolicyPagesTest {
    /** The demo's policy: schedule:platform-primary, then schedule:platform-backup (15m each), then user:carol; repeat 2. */
    private static final String EDIT = "/policies/platform/edit";

    private static FormClient admin(TestServer server) {
        FormClient browser = new FormClient(server.baseUrl());
        assertThat(browser.signIn("alice@example.com", WebLoginTest.PASSWORD).status()).isEqualTo(303);
        return browser;
    }

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

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void changingADelayAndATargetSavesARevisionFromTheWeb(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            FormClient browser = admin(server);
            FormFields form = FormFields.of(browser.get(EDIT));
            form.set("levels[0].escalate_after", "5m");
            form.targets(2, "user:bob", "team:platform");

            FormClient.Page saved = browser.post(EDIT, form.entries());
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            assertThat(saved.location()).isEqualTo("/policies/platform");

            JsonNode revision = server.http().get("/api/v1/config/revisions").json().path("revisions").get(0);
            assertThat(revision.path("source").asText()).isEqualTo("web");
            assertThat(revision.path("actor").asText()).isEqualTo("user:alice");
            List<Map<String, Object>> levels = levels(server, "platform");
            assertThat(levels.get(0)).containsEntry("escalate_after", "5m");
            assertThat(levels.get(2).get("notify")).isEqualTo(List.of("user:bob", "team:platform"));
            assertThat(policy(server, "platform")).containsEntry("repeat", 2);   // untouched fields stay

            FormClient.Page page = browser.get("/policies/platform");
            assertThat(text(page.body())).contains("Escalation policy platform saved (revision " + revision.path("id").asLong() + ").")
                    .contains("escalates after 5m")
                    .contains("user:bob, team:platform")
                    .contains("+5m (");                    // the preview: the second level now starts after 5 minutes
            assertThat(browser.get("/policies/platform").body()).as("the flash is shown once").doesNotContain("saved (revision");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void levelsAreAddedMovedAndRemovedAndRoundRobinIsTurnedOn(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            FormClient browser = admin(server);
            FormFields form = FormFields.of(browser.get(EDIT));
            form.op("add");
            FormClient.Page added = browser.post(EDIT, form.entries());
            assertThat(added.status()).isEqualTo(200);
            assertThat(added.body()).contains("<legend>Level 4</legend>").contains("Level 4 escalates after");
            assertThat(levels(server, "platform")).as("a level button changes the form, not the configuration").hasSize(3);

            form = FormFields.of(added);
            form.targets(3, "user:alice");
            form.set("levels[0].assign", "round_robin");
            form.op("up-3");                                  // level 4 (alice) above level 3 (carol)
            FormClient.Page moved = browser.post(EDIT, form.entries());
            assertThat(moved.status()).isEqualTo(200);
            form = FormFields.of(moved);
            assertThat(form.values("levels[2].notify")).containsExactly("user:alice");
            assertThat(form.values("levels[3].notify")).containsExactly("user:carol");
            assertThat(form.values("levels[0].assign")).containsExactly("round_robin");

            form.op("remove-1");                             // the backup schedule's level
            form = FormFields.of(browser.post(EDIT, form.entries()));
            assertThat(browser.post(EDIT, form.entries()).status()).isEqualTo(303);

            List<Map<String, Object>> levels = levels(server, "platform");
            assertThat(levels).extracting(level -> level.get("notify"))
                    .containsExactly(List.of("schedule:platform-primary"), List.of("user:alice"), List.of("user:carol"));
            assertThat(levels.get(0)).containsEntry("assign", "round_robin");
            assertThat(levels.get(1)).containsEntry("assign", "everyone").containsEntry("escalate_after", "15m");
            assertThat(text(browser.get("/policies/platform").body())).contains("in turn (round robin)");

            form = FormFields.of(browser.get(EDIT));
            form.set("levels[0].assign", "everyone");
            assertThat(browser.post(EDIT, form.entries()).status()).isEqualTo(303);
            assertThat(levels(server, "platform").get(0)).containsEntry("assign", "everyone");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAdminCreatesAPolicyWithAnId(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            FormClient browser = admin(server);
            assertThat(browser.get("/policies").body()).contains("href=\"/policies/new\"");
            FormClient.Page blank = browser.get("/policies/new");
            assertThat(blank.status()).isEqualTo(200);
            FormFields form = FormFields.of(blank);
            form.set("id", "database");
            form.set("name", "Database");
            form.targets(0, "user:bob");
            form.set("levels[0].escalate_after", "10m");
            FormClient.Page created = browser.post("/policies/new", form.entries());
            assertThat(created.status()).as(created.body()).isEqualTo(303);
            assertThat(created.location()).isEqualTo("/policies/database");
            assertThat(policy(server, "database")).containsEntry("name", "Database").containsEntry("repeat", 0);
            assertThat(levels(server, "database").get(0)).containsEntry("notify", List.of("user:bob")).containsEntry("escalate_after", "10m");
            assertThat(text(browser.get("/policies/database").body())).contains("Escalation policy database saved");

            FormClient.Page again = browser.post("/policies/new", form.entries());
            assertThat(again.status()).isEqualTo(409);
            assertThat(text(again.body())).containsPattern("id=\"policy-id-problem\">an escalation policy 'database' exists already");
            form.set("id", "");
            FormClient.Page noId = browser.post("/policies/new", form.entries());
            assertThat(noId.status()).isEqualTo(400);
            assertThat(text(noId.body())).containsPattern("id=\"policy-id-problem\">enter an id");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aRefusedFormComesBackAsTypedWithTheReasonNextToTheFieldAndNothingChanged(TestDatabases.Kind kind) {
        try (TestServer server = WebLoginTest.demo(kind)) {
            FormClient browser = admin(server);
            String before = server.http().get("/api/v1/config/export").body();
            int revisions = server.http().get("/api/v1/config/revisions").json().path("revisions").size();

            FormFields soon = FormFields.of(browser.get(EDIT));
            soon.set("levels[1].escalate_after", "soon");
            soon.set("name", "Platform (typed)");
            FormClient.Page refused = browser.post(EDIT, soon.entries());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(text(refused.body())).containsPattern("id=\"l1-after-problem\">[^<]*'soon'")
                    .contains("value=\"soon\"").contains("value=\"Platform (typed)\"");
            assertThat(refused.body()).contains("aria-invalid=\"true\"");

            FormFields unknown = FormFields.of(browser.get(EDIT));
            unknown.targets(0, "schedule:platform-primary", "user:nobody");
            FormClient.Page unknownTarget = browser.post(EDIT, unknown.entries());
            assertThat(unknownTarget.status()).isEqualTo(400);
            assertThat(text(unknownTarget.body())).containsPattern("id=\"l0-notify-problem\">unknown user 'nobody'")
                    .contains("user:nobody (not configured)");
            assertThat(FormFields.of(unknownTarget).values("levels[0].notify")).containsExactly("schedule:platform-primary", "user:nobody");

            FormFields none = FormFields.of(browser.get(EDIT));
            none.removeLevels();
            FormClient.Page noLevels = browser.post(EDIT, none.entries());
            assertThat(noLevels.status()).isEqualTo(400);
            assertThat(text(noLevels.body())).contains("a policy needs at least one level");

            assertThat(server.http().get("/api/v1/config/export").body()).isEqualTo(before);
            assertThat(server.http().get("/api/v1/config/revisions").json().path("revisions").size()).isEqualTo(revisions);
        }
    }

    @Test
    void respondersAndObserversSeeNoEditLinkAndAreRefused() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            String csrfOfAlice = admin(server).get(EDIT).csrf();
            server.tocsin().webLogins().setPassword("bob", "bob's password", Role.RESPONDER);
            server.tocsin().webLogins().setPassword("carol", "carol's password", Role.OBSERVER);
            for (String[] login : new String[][] {{"bob@example.com", "bob's password"}, {"carol@example.com", "carol's password"}}) {
                FormClient browser = new FormClient(server.baseUrl());
                browser.signIn(login[0], login[1]);
                FormClient.Page page = browser.get("/policies/platform");
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).doesNotContain(EDIT).doesNotContain("applied from");
                assertThat(browser.get("/policies").body()).doesNotContain("/policies/new");
                assertThat(browser.get(EDIT).status()).isEqualTo(403);
                assertThat(browser.get("/policies/new").status()).isEqualTo(403);
                FormClient.Page post = browser.post(EDIT, Map.of("_csrf", page.csrf(), "levels[0].from", "0",
                        "levels[0].notify", "user:bob"));
                assertThat(post.status()).isEqualTo(403);
                assertThat(text(post.body())).contains("may not do this; it needs 'admin'");
                assertThat(browser.post("/policies/new", Map.of("_csrf", page.csrf(), "id", "mine")).status()).isEqualTo(403);
                assertThat(csrfOfAlice).isNotEqualTo(page.csrf());
            }
            assertThat(levels(server, "platform")).hasSize(3);
        }
    }

    @Test
    void theEditPagesSayTheNextApplyOfTheFileReplacesTheChange() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = admin(server);
            String warning = "This configuration was applied from test.yaml (revision 1). Changes made here are saved at once, "
                    + "but the next apply of that file replaces them";
            assertThat(text(browser.get(EDIT).body())).contains(warning);
            FormClient.Page policy = browser.get("/policies/platform");
            assertThat(text(policy.body())).contains(warning).contains("href=\"" + EDIT + "\"")
                    .doesNotContain("Edited in the configuration");
        }
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() {
        try (TestServer server = WebLoginTest.demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = admin(server);
            FormFields form = FormFields.of(browser.get(EDIT));
            form.set("levels[0].escalate_after", "1m");
            form.remove("_csrf");
            FormClient.Page forged = browser.post(EDIT, form.entries());
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("reload the page");
            assertThat(levels(server, "platform").get(0)).containsEntry("escalate_after", "15m");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> policy(TestServer server, String id) {
        Map<String, Object> config = new Yaml().load(server.http().get("/api/v1/config/export").body());
        return ((List<Map<String, Object>>) config.get("escalation_policies")).stream()
                .filter(policy -> id.equals(policy.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> levels(TestServer server, String id) {
        return (List<Map<String, Object>>) policy(server, id).get("levels");
    }

    /** The page's text with the entities JTE writes for quotes turned back. */
    private static String text(String html) {
        return html.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** The fields a browser would send from a page's form: text and hidden inputs, ticked boxes and radios. */
    static final class FormFields {
        private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        static FormFields of(FormClient.Page page) {
            FormFields form = new FormFields();
            Matcher input = INPUT.matcher(page.body());
            while (input.find()) {
                String attributes = input.group(1);
                String name = attribute(attributes, "name");
                String type = attribute(attributes, "type");
                if (name == null) continue;
                boolean ticked = Pattern.compile("\\schecked(\\s|$|=)").matcher(attributes).find();
                if (("checkbox".equals(type) || "radio".equals(type)) && !ticked) continue;
                String value = attribute(attributes, "value");
                form.fields.add(new AbstractMap.SimpleEntry<>(name, value == null ? "" : text(value)));
            }
            return form;
        }

        private static String attribute(String attributes, String name) {
            Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attributes);
            return matcher.find() ? matcher.group(1) : null;
        }

        void set(String name, String value) {
            remove(name);
            fields.add(new AbstractMap.SimpleEntry<>(name, value));
        }

        void remove(String name) {
            fields.removeIf(field -> field.getKey().equals(name));
        }

        void targets(int level, String... targets) {
            remove("levels[" + level + "].notify");
            for (String target : targets) fields.add(new AbstractMap.SimpleEntry<>("levels[" + level + "].notify", target));
        }

        void removeLevels() {
            fields.removeIf(field -> field.getKey().startsWith("levels["));
        }

        void op(String operation) {
            set("op", operation);
        }

        List<String> values(String name) {
            return fields.stream().filter(field -> field.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        List<Map.Entry<String, String>> entries() {
            return fields;
        }
    }
}
