package dev.tocsin.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing an escalation policy in a real browser on a phone: change a level's delay, save, and see the preview follow;
 * a refused value comes back next to its field. Every page is checked with axe-core and for sideways scrolling, with
 * a screenshot each under target/screenshots/.
 */
class BrowserPolicyEditTest {
    private static Browsers browsers;
    private static TestServer server;
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
        server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"));
        server.tocsin().webLogins().setPassword("alice", WebLoginTest.PASSWORD, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (browsers != null) browsers.close();
    }

    private void look(Page page, String screenshot) {
        Browsers.look(page, screenshot, accessibility);
    }

    @Test
    void anAdminShortensALevelsDelayOnAPhoneAndThePreviewFollows() {
        Page page = browsers.phone();
        page.navigate(server.baseUrl() + "/");
        page.getByLabel("Email").fill("alice@example.com");
        page.getByLabel("Password").fill(WebLoginTest.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(server.baseUrl() + "/policies/platform");
        Locator preview = page.locator("ol.timeline").last();
        assertThat(preview).containsText("+15m (");
        look(page, "30-policy-before-edit");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit policy")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit platform"))).isVisible();
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("applied from test.yaml");
        look(page, "31-policy-edit-form");

        page.getByLabel("Level 1 escalates after").fill("soon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("#l0-after-problem")).containsText("soon");
        assertThat(page.getByLabel("Level 1 escalates after")).hasValue("soon");
        look(page, "32-policy-edit-refused");

        page.getByLabel("Level 1 escalates after").fill("5m");
        page.getByLabel("Level 2: one in turn (round robin)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a level")).click();
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Level 4").setExact(true))).isVisible();
        page.getByLabel("Level 4: Bob Meier").check();
        page.getByLabel("Level 4 escalates after").fill("10m");
        look(page, "33-policy-edit-level-added");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Escalation policy platform saved (revision");
        assertThat(page.locator("ol.timeline").first()).containsText("escalates after 5m");
        assertThat(page.locator("ol.timeline").first()).containsText("in turn (round robin)");
        assertThat(preview).containsText("+5m (");
        look(page, "34-policy-after-edit");

        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }
}
