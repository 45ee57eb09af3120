package com.infraconsole;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end tests: the console on a random port, driven through Debian's Chromium by Playwright.
 * Without Chromium the tests are skipped on a developer machine, but fail in CI (CI=true).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
public abstract class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;
    private static final java.util.concurrent.atomic.AtomicInteger SOURCES =
            new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestUsers testUsers;

    protected BrowserContext context;
    protected Page page;

    /**
     * On a failure, before the page is closed: a screenshot and the page's address in
     * target/screenshots/failed-&lt;class&gt;-&lt;test&gt;.png and .txt, and the text in the build
     * output, so that a red CI run shows what the browser showed.
     */
    @RegisterExtension
    final AfterTestExecutionCallback keepFailedPage = extension -> {
        if (extension.getExecutionException().isEmpty() || page == null || page.isClosed()) {
            return;
        }
        var name = "failed-" + getClass().getSimpleName() + "-"
                + extension.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
            var shown = page.url() + "\n\n" + page.innerText("body");
            Files.writeString(SCREENSHOTS.resolve(name + ".txt"), shown);
            // Also in the build output, which is all a CI run keeps.
            System.err.println("[" + name + "] the page showed: " + shown.substring(0, Math.min(shown.length(), 1500)));
        } catch (RuntimeException | java.io.IOException e) {
            // the failure itself is what matters; a page that cannot be captured adds nothing
        }
    };

    /**
     * One Chromium for the whole test JVM, started by the first browser test class and closed when
     * the JVM exits: each test still gets its own browser context (fresh cookies and storage), and
     * the classes after the first skip starting Playwright's driver and Chromium, and closing them
     * (7 to 16 s together, measured on the busy 2-core development machine).
     */
    @BeforeAll
    static synchronized void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium is missing at " + CHROMIUM + "; .ci/run must install it");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM);
        }
        if (browser != null && browser.isConnected()) {
            return;
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        var started = playwright;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "close-chromium"));
    }

    @BeforeEach
    void openPage() {
        // Each test signs in from an address of its own (the test profile trusts the loopback
        // proxy), so that one test's failed logins never throttle another's source.
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 900)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", nextSourceAddress())));
        // Generous: a busy 2-core CI machine in Vaadin dev mode can take seconds for a first page.
        context.setDefaultTimeout(45_000);
        context.setDefaultNavigationTimeout(60_000);
        // The same patience for assertions (Playwright's default is 5 s), for every test: a class
        // that set it for itself used to leave it set for whichever class its JVM ran next.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        page = context.newPage();
    }

    /** An address from 198.18.0.0/15 (RFC 2544, benchmarking): never a real client. */
    private static String nextSourceAddress() {
        int n = SOURCES.incrementAndGet();
        return "198." + (18 + n / 65_000 % 2) + "." + (n / 250 % 256) + "." + (n % 250 + 1);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected void logIn(String username, String password) {
        page.navigate(url("login"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    protected void waitForVaadin() {
        page.waitForLoadState();
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && !window.Vaadin.Flow.clients"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var file = SCREENSHOTS.resolve(name + ".png");
        waitForVaadin();
        page.waitForTimeout(400); // let grids finish sizing their columns
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }
}
