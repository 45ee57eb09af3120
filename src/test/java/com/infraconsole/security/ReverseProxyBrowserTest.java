package com.infraconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console behind a reverse proxy, over real HTTP. In the test profile 127.0.0.1 is the trusted
 * proxy (infra.proxy.trusted); a client bound to 127.0.0.2 is a peer that is not trusted.
 */
class ReverseProxyBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void forwarded_headers_count_only_from_a_trusted_proxy_for_secure_cookies_hsts_and_the_audited_address()
            throws Exception {
        var viaProxy = client("127.0.0.1");
        var direct = client("127.0.0.2");

        var secure = viaProxy.send(
                get("login")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-For", "198.51.100.70")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(sessionCookie(secure)).contains("; Secure").contains("HttpOnly");
        assertHardeningHeaders(secure);

        var spoofed = direct.send(
                get("login").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(spoofed.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(spoofed)).doesNotContain("Secure");
        assertHardeningHeaders(spoofed);

        // The audited address of a failed login: the client named by the trusted proxy, else the TCP peer.
        failLogin(viaProxy, "proxied-name", "198.51.100.71");
        failLogin(
                viaProxy,
                "chained-name",
                "203.0.113.66, 198.51.100.72"); // a client's own header, then the proxy's entry
        failLogin(direct, "direct-name", "198.51.100.73");
        assertThat(auditedAddress("proxied-name")).isEqualTo("198.51.100.71");
        assertThat(auditedAddress("chained-name")).isEqualTo("198.51.100.72");
        assertThat(auditedAddress("direct-name")).isEqualTo("127.0.0.2");
    }

    @Test
    void screens_load_under_the_content_security_policy_and_a_throttled_address_is_told_how_long_to_wait()
            throws Exception {
        var violations = new ArrayList<String>();
        page.onConsoleMessage(message -> record(message, violations));
        page.addInitScript("document.addEventListener('securitypolicyviolation',"
                + " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        var admin = testUsers.create(Role.ADMIN);
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        for (var screen : List.of("servers", "jobs", "tickets", "audit", "users", "admin/database", "")) {
            var response = page.navigate(url(screen));
            assertThat(response.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
            waitForVaadin();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("vaadin-side-nav"))
                    .isVisible();
        }
        page.waitForTimeout(500);
        assertThat(violations).as("console messages about the CSP").isEmpty();
        assertThat(page.evaluate("() => window.Vaadin.Flow.clients && Object.keys(window.Vaadin.Flow.clients).length"))
                .as("Vaadin's client engine started")
                .isNotEqualTo(0);

        // An address waiting out its back-off (seeded: the walk through ten failures is LoginThrottleTest's).
        jdbc.update(
                "INSERT INTO login_sources (source, failures, last_failure_at, blocked_until, audit_window_start)"
                        + " VALUES ('198.51.100.90', 9, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 42 SECOND, UTC_TIMESTAMP(6))");
        var throttled = newPageWithHeader("X-Forwarded-For", "198.51.100.90");
        throttled.onConsoleMessage(message -> record(message, violations));
        throttled.navigate(url("login"));
        throttled
                .getByLabel("Username", new Page.GetByLabelOptions().setExact(true))
                .fill(admin.getUsername());
        throttled
                .getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(TestUsers.PASSWORD);
        throttled
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        throttled.waitForURL("**/login?throttled=*");
        var message = throttled.getByText("Too many attempts from your address; try again in");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(message)
                .isVisible();
        var seconds = message.innerText().replaceAll("(?s).*try again in ([0-9]+) s.*", "$1");
        assertThat(Integer.parseInt(seconds))
                .as("the seeded wait, less the time the page took")
                .isBetween(1, 42);
        throttled.waitForTimeout(300);
        Files.createDirectories(SCREENSHOTS);
        throttled.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-throttled.png")));
        assertThat(violations).isEmpty();
        throttled.context().close();
    }

    private Page newPageWithHeader(String name, String value) {
        var browser = page.context().browser();
        var other = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1000, 700).setExtraHTTPHeaders(Map.of(name, value)));
        other.setDefaultTimeout(45_000);
        return other.newPage();
    }

    private static void record(ConsoleMessage message, List<String> violations) {
        var text = message.text();
        if (text.contains("Content Security Policy") || text.contains("CSP violation")) {
            violations.add(text);
        }
    }

    private static void assertHardeningHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("frame-ancestors 'none'")
                        .contains("default-src 'self'")
                        .contains("object-src 'none'"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private void failLogin(HttpClient client, String username, String forwardedFor) throws Exception {
        var form = "username=" + username + "&password=wrong-password-123";
        var response = client.send(
                HttpRequest.newBuilder(direct("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("redirect back to the login page").isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    private String auditedAddress(String username) {
        return jdbc.queryForObject(
                "SELECT client_ip FROM audit_logs WHERE action = 'LOGIN_FAILURE' AND username = ?",
                String.class,
                username);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie in " + response.headers().map()));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(direct(path)).GET();
    }

    /** By address, not "localhost": the clients bind an IPv4 address. */
    private URI direct(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
