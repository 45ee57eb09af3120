package com.infraconsole.dashboard.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.dashboard.JobFixtures;
import com.infraconsole.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both screens in Chromium with a month of jobs: the dashboard is the landing page and draws its
 * SVG charts; the admin opens the database screen. Screenshots go to target/screenshots; with
 * {@code -Ddocs.screenshots=true} also to docs/screenshots (dashboard.png, database.png).
 */
class DashboardBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void admin_lands_on_the_dashboard_with_charts_and_opens_the_database_screen() {
        var admin = testUsers.create(Role.ADMIN);
        seedAMonthOfJobs(admin.getId());
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        assertThat(page.locator("#tile-success-7d")).containsText("%");
        assertThat(page.locator("svg.chart")).hasCount(4);
        assertThat(page.locator("#chart-jobs-per-day svg title").first())
                .hasText("Jobs per day by outcome, last 30 days");
        assertThat(page.locator("vaadin-grid-cell-content a[href^='jobs/']").first())
                .isVisible();
        docsScreenshot("dashboard");

        page.navigate(url("admin/database"));
        assertThat(page.locator("#migration-summary")).containsText("validation OK");
        page.getByRole(AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Table sizes"))
                .click();
        assertThat(page.locator("#table-sizes")).isVisible();
        page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("≈"))
                .first()
                .isVisible();
        docsScreenshot("database");
        page.getByRole(AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Migrations"))
                .click();
        docsScreenshot("database-migrations");
        page.getByRole(AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Indexes"))
                .click();
        assertThat(page.locator("#unused-note")).isVisible();
        screenshot("database-indexes");
    }

    /** A taller screenshot for the docs, only when asked for (target/screenshots holds the others). */
    private void docsScreenshot(String name) {
        screenshot(name);
        if (!Boolean.getBoolean("docs.screenshots")) {
            return;
        }
        var file = java.nio.file.Path.of("docs", "screenshots", name + ".png");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.setViewportSize(1400, 1350); // the app layout scrolls inside itself: a taller window shows more
        waitForVaadin();
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(file));
        page.setViewportSize(1400, 900);
    }

    /** 30 days of jobs on a few playbooks with a realistic mix of outcomes, plus open tickets. */
    private void seedAMonthOfJobs(long userId) {
        var fx = new JobFixtures(jdbc, userId);
        var random = new Random(42);
        var names = new String[] {"patch-linux", "deploy-web", "rotate-certs", "backup-db", "restart-nginx"};
        var ids = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = fx.playbook(names[i] + "-" + System.nanoTime() % 10000);
        }
        var now = Instant.now();
        for (int day = 29; day >= 0; day--) {
            int jobs = 6 + random.nextInt(10);
            for (int j = 0; j < jobs; j++) {
                int p = random.nextInt(names.length);
                double r = random.nextDouble();
                var status = r < 0.08 + p * 0.03
                        ? "failed"
                        : r < 0.14 + p * 0.03 ? "timed_out" : r < 0.18 ? "cancelled" : "success";
                var completed = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(random.nextInt(600)));
                fx.job(
                        ids[p],
                        status,
                        completed.isAfter(now) ? now : completed,
                        20 + random.nextInt(240 + day * 8),
                        "failed".equals(status)
                                ? "fatal: [web-01]: UNREACHABLE! ssh: connect to host port 22: timed out"
                                : "timed_out".equals(status) ? "Job exceeded its 1 h timeout" : null);
            }
        }
        fx.job(ids[0], "running", null, 0, null);
        fx.job(ids[1], "pending", null, 0, null);
        for (var priority : new String[] {"critical", "high", "high", "medium", "low", "low"}) {
            jdbc.update(
                    "INSERT INTO tickets (title, priority, status) VALUES (?, ?, 'open')",
                    "Ticket " + priority,
                    priority);
        }
        for (int i = 0; i < 8; i++) {
            jdbc.update(
                    "INSERT INTO servers (hostname, ip_address, environment_id, status) VALUES (?, '10.1.0.5', ?, ?)",
                    "web-" + i + "-" + System.nanoTime() % 10000 + ".example.test",
                    1 + i % 3,
                    i % 5 == 0 ? "maintenance" : "active");
        }
    }
}
