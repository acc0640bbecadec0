package dev.tocsin.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing a schedule in a real browser on a phone-sized screen: pick a range for an override and see the final
 * schedule change; ask for cover and accept it from My on-call; make a calendar link. The clock stands still at
 * {@link WebScheduleChangesTest#NOW}, so who has which week is known. Every page is checked with axe-core and for
 * horizontal scrolling; screenshots go to target/screenshots/.
 */
class BrowserScheduleFlowsTest {
    private static Browsers browsers;
    private static TestServer server;
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
        server = WebScheduleChangesTest.server(TestDatabases.Kind.SQLITE);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (browsers != null) browsers.close();
    }

    private void look(Page page, String screenshot) {
        Browsers.look(page, screenshot, accessibility);
    }

    private static Page signIn(String email, String password) {
        Page page = browsers.phone();
        page.navigate(server.baseUrl() + "/");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    private static void openSchedule(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedules")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Platform primary")).click();
    }

    @Test
    void aResponderPicksARangeOnAPhoneAndTheFinalScheduleChanges() {
        Page page = signIn("bob@example.com", "bob's password");
        openSchedule(page);
        look(page, "30-schedule-forms-closed");
        page.getByText("Add an override").click();
        assertThat(page.getByText("Times in Europe/Zurich.").first()).isVisible();
        page.getByLabel("From").first().fill("2026-12-03T17:00");
        page.getByLabel("Until").first().fill("2026-12-03T09:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the override")).click();
        assertThat(page.locator("#override-until-error")).containsText("must be after start");
        assertThat(page.getByLabel("Until").first()).hasAttribute("aria-invalid", "true");
        look(page, "31-override-bad-range");

        page.getByLabel("From").first().fill("2026-12-03T09:00");
        page.getByLabel("Until").first().fill("2026-12-03T17:00");
        page.getByLabel("Reason (optional)").nth(1).fill("alice at the dentist");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the override")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Bob Meier covers Platform primary from Thu 3 Dec 09:00");
        assertThat(page.locator("li.shift", new Page.LocatorOptions().setHasText("Thu 3 Dec 09:00 Europe/Zurich → Thu 3 Dec 17:00"))
                .locator(".who")).hasText("Bob Meier");
        assertThat(server.tocsin().onCall().forSchedule("platform-primary").at(Instant.parse("2026-12-03T10:00:00Z")))
                .containsExactly("bob");
        look(page, "32-override-added");
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void aColleagueAcceptsACoverRequestFromMyOnCall() {
        Page bob = signIn("bob@example.com", "bob's password");
        openSchedule(bob);
        bob.getByText("Ask for cover").first().click();
        bob.locator("#cover-from").fill("2026-12-10T09:00");
        bob.locator("#cover-until").fill("2026-12-11T09:00");
        bob.getByLabel("Ask", new Page.GetByLabelOptions().setExact(true)).selectOption("carol");
        bob.locator("#cover-reason").fill("parents' evening");
        look(bob, "33-ask-for-cover");
        bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for cover")).click();
        assertThat(bob.getByRole(AriaRole.STATUS)).containsText("Asked Carol Tan to cover you");

        Page carol = signIn("carol@example.com", "carol's password");
        carol.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Me").setExact(true)).click();
        assertThat(carol.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Requests for you"))).isVisible();
        assertThat(carol.locator("ul.requests").first()).containsText("Bob Meier asks you to cover Platform primary");
        look(carol, "34-me-request-for-you");
        carol.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept").setExact(false)).first().click();
        assertThat(carol.getByRole(AriaRole.STATUS)).containsText("You cover Bob Meier in Platform primary");
        assertThat(carol.getByText("Nobody is asking you to cover or swap a shift.")).isVisible();
        assertThat(server.tocsin().onCall().forSchedule("platform-primary").at(Instant.parse("2026-12-10T12:00:00Z")))
                .containsExactly("carol");
        look(carol, "35-me-cover-accepted");

        carol.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a calendar link")).click();
        assertThat(carol.getByLabel("Calendar link", new Page.GetByLabelOptions().setExact(true))).hasValue(java.util.regex.Pattern.compile(".*/calendar/users/carol\\.ics\\?token=tcal_.*"));
        look(carol, "36-me-calendar-link");

        bob.navigate(server.baseUrl() + "/me");
        assertThat(bob.locator("ul.requests")).containsText("accepted by Carol Tan");
        look(bob, "37-me-your-requests");
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }
}
