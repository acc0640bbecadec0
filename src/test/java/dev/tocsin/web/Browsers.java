package dev.tocsin.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's Chromium driven by Playwright, as the browser tests use it: never downloads a browser, phone-sized by
 * default, a screenshot per step under {@code target/screenshots/}, axe-core on every page looked at.
 */
final class Browsers implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Chromium, or the test is skipped where it is missing (CI installs it: .ci/run; with CI=true it must be there). */
    static Browsers start() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(CHROMIUM + " is missing; .ci/run installs it");
            Assumptions.abort(CHROMIUM + " is not installed (apt-get install chromium)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-dev-shm-usage")));
        return new Browsers(playwright, browser);
    }

    /** A new browser profile with a phone's screen (390 × 844). */
    Page phone() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(1).setHasTouch(true).setIsMobile(true).setLocale("en-GB"));
        context.setDefaultTimeout(10_000);
        return context.newPage();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** The serious and critical accessibility violations axe-core finds on the page, one line each. */
    static List<String> seriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browsers::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + where;
    }

    /**
     * What every browser test does on each page it looks at: a screenshot, the serious and critical axe-core
     * violations added to {@code accessibility} (checked once at the end of the test), and no sideways scrolling.
     */
    static void look(Page page, String screenshot, List<String> accessibility) {
        screenshot(page, screenshot);
        for (String violation : seriousViolations(page)) accessibility.add(page.url() + ": " + violation);
        org.assertj.core.api.Assertions.assertThat(fitsWidth(page))
                .as("%s fits a 390 px screen without scrolling sideways", page.url()).isTrue();
    }

    /** No horizontal scrolling: the page is no wider than the screen. */
    static boolean fitsWidth(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        return Boolean.TRUE.equals(fits);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
