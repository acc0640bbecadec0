package dev.tocsin.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tocsin.app.Demo;
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
 * The web UI in a real browser (Debian's Chromium through Playwright) on a phone-sized screen: sign in, watch an
 * incident arrive without reloading, acknowledge it, see the timeline say "web". Every page visited is checked
 * with axe-core and for horizontal scrolling; each step leaves a screenshot under target/screenshots/.
 */
class BrowserFlowsTest {
    private static Browsers browsers;
    private static TestServer server;
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void start() {
        // Live updates cross the event stream, Server-Sent Events and a fetch: allow for a machine busy with other tests.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        browsers = Browsers.start();
        server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"));
        server.tocsin().webLogins().setPassword("alice", WebLoginTest.PASSWORD, Role.ADMIN);
        server.tocsin().webLogins().setPassword("carol", "observer password", Role.OBSERVER);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (browsers != null) browsers.close();
    }

    private void look(Page page, String screenshot) {
        Browsers.look(page, screenshot, accessibility);
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(server.baseUrl() + "/");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private static void trigger(String summary) {
        var response = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"" + summary + "\",\"source\":\"browser-test\","
                + "\"severity\":\"critical\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void aNewcomerSignsInSeesAnIncidentArriveAndAcknowledgesItOnAPhone() {
        Page page = browsers.phone();
        page.navigate(server.baseUrl() + "/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        look(page, "01-sign-in");

        signIn(page, "alice@example.com", WebLoginTest.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incidents"))).isVisible();
        look(page, "02-incidents");
        page.navigate(server.baseUrl() + "/incidents?urgency=low");
        assertThat(page.getByText("No incidents match")).isVisible();
        look(page, "02-incidents-empty");
        page.navigate(server.baseUrl() + "/incidents");

        trigger("Checkout latency above 2s");
        assertThat(page.getByText("Checkout latency above 2s")).isVisible();   // no reload: Server-Sent Events
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^\\(\\d+\\) Incidents"));
        look(page, "03-incident-arrived");

        page.getByText("Checkout latency above 2s").click();
        assertThat(page.locator("#status")).hasText("Triggered");
        Page.GetByRoleOptions acknowledge = new Page.GetByRoleOptions().setName("Acknowledge").setExact(true);
        var button = page.getByRole(AriaRole.BUTTON, acknowledge);
        assertThat(button).isInViewport();
        var box = button.boundingBox();
        assertThat(box.y + box.height).as("the acknowledge button sits in the lower part of the screen, within a thumb's reach")
                .isGreaterThan(844 * 0.6);
        look(page, "04-incident-triggered");

        button.click();
        assertThat(page.locator("#status")).hasText("Acknowledged");
        assertThat(page.getByText("acknowledged by Alice Keller (web)").first()).isVisible();
        assertThat(page.locator("ol.timeline")).containsText("Alice Keller · web");
        look(page, "05-incident-acknowledged");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Me").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My on-call"))).isVisible();
        look(page, "15-me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedules")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Platform primary")).click();
        look(page, "16-schedule");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take the pager")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have the pager of Platform primary");
        assertThat(page.locator("li.shift.current .who")).hasText("Alice Keller");
        look(page, "17-pager-taken");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Policies")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("platform")).click();
        assertThat(page.getByText("If a high-urgency alert arrived now")).isVisible();
        look(page, "19-policy-preview");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notification outbox"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notification providers"))).isVisible();
        look(page, "18-settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Incidents").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Noisy alerts")).click();
        assertThat(page.getByText("Checkout latency above 2s").first()).isVisible();
        look(page, "26-noisy-alerts");

        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void aTestAlertFromTheServicePagePagesAndIsEscalatedAndAcknowledged() {
        Page page = browsers.phone();
        signIn(page, "alice@example.com", WebLoginTest.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Services")).click();
        look(page, "10-services");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customer API")).click();
        assertThat(page.getByText("pagerduty_configs", new Page.GetByTextOptions().setExact(false))).hasCount(1);
        look(page, "11-service");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test alert")).click();
        assertThat(page.locator("#status")).hasText("Triggered");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Test alert sent on Customer API");
        // The demo's weekly rotations put alice and bob on primary and backup by turns: whoever is on primary now.
        assertThat(page.locator("ul.paged")).containsText(java.util.regex.Pattern.compile("Alice Keller|Bob Meier"));
        look(page, "12-test-alert-paged");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escalate to next level")).click();
        assertThat(page.locator("ul.paged")).containsText("level 2, round 1, through schedule:platform-backup");
        look(page, "13-escalated");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge").setExact(true)).click();
        assertThat(page.locator("#status")).hasText("Acknowledged");
        look(page, "14-acknowledged");
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void anOpenIncidentPageFollowsChangesMadeElsewhere() {
        trigger("Disk almost full");
        long number = server.tocsin().incidents().list(new dev.tocsin.incident.IncidentFilter(null, null, null, null), null, 10)
                .stream().filter(incident -> incident.title().equals("Disk almost full")).findFirst().orElseThrow().id();
        Page page = browsers.phone();
        signIn(page, "alice@example.com", WebLoginTest.PASSWORD);
        page.navigate(server.baseUrl() + "/incidents/" + number);
        assertThat(page.locator("#status")).hasText("Triggered");
        var resolved = server.http().postJson("/api/v1/incidents/" + number + "/resolve", "{}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(page.locator("#status")).hasText("Resolved");
        look(page, "06-resolved-elsewhere");
        assertThat(accessibility).isEmpty();
    }

    @Test
    void anObserverSeesIncidentsButNoActions() {
        trigger("Watched only");
        Page page = browsers.phone();
        signIn(page, "carol@example.com", "observer password");
        assertThat(page.getByText("Watched only")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge ticked"))).hasCount(0);
        page.getByText("Watched only").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge").setExact(true))).hasCount(0);
        look(page, "07-observer");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings"))).hasCount(0);
        page.navigate(server.baseUrl() + "/settings");
        assertThat(page.getByText("may not do this")).isVisible();
        assertThat(accessibility).isEmpty();
    }

    @Test
    void aWrongPasswordSaysSoNextToTheForm() {
        Page page = browsers.phone();
        signIn(page, "alice@example.com", "not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("That email and password do not match");
        look(page, "08-wrong-password");
        assertThat(accessibility).isEmpty();
    }

    @Test
    void aPersonEditsANotificationRuleAndSendsATestPageToTheConsole() {
        Page page = browsers.phone();
        signIn(page, "alice@example.com", WebLoginTest.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).click();
        look(page, "20-people");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alice Keller")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notification rules"))).isVisible();
        look(page, "21-person");

        // The push step of alice's high-urgency rules comes 3 minutes after paging instead of 1.
        page.locator("input[name=high_after_1]").fill("3m");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notification rules")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Notification rules of Alice Keller saved");
        assertThat(page.locator("input[name=high_after_1]")).hasValue("3m");
        look(page, "22-rules-saved");

        page.locator("input[name=high_after_1]").fill("soon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notification rules")).click();
        assertThat(page.locator(".rules .field-error").first()).containsText("Step 2: after: malformed duration");
        look(page, "23-rules-refused");

        page.navigate(server.baseUrl() + "/people/alice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test page to alice-console")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent to alice-console");
        look(page, "24-test-page-sent");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        assertThat(page.locator("table, ul").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("alice-console")).first())
                .containsText("test page");
        look(page, "25-outbox-test-page");
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }
}
