package com.infraconsole.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A real Chromium watches a running job: lines arrive live (pushed), and the page is captured. */
class JobLiveBrowserTest extends BrowserTest {

    @Autowired
    JobFixtures fx;

    @Autowired
    JobService jobs;

    @Test
    void a_running_job_shows_its_output_live_and_can_be_cancelled() throws Exception {
        var admin = testUsers.create(Role.ADMIN);
        TestUsers.signIn(admin);
        var targets = List.of(fx.localServer(), fx.localServer());
        var playbook = fx.playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: Wait for the maintenance window
                      command: sleep 6
                    - name: Check free disk space
                      command: df -h /
                    - name: Drain worker from the load balancer
                      debug:
                        msg: "worker {{ item }} drained"
                      loop: "{{ range(1, 9) | list }}"
                    - name: Wait for health checks
                      command: sleep 60
                """);
        long id = jobs.launch(LaunchRequest.of(playbook, targets));
        TestUsers.signOut();

        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));
        page.navigate(url("jobs/" + id));
        // The page is open during the first 6 s task: later lines can only arrive by push.
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("worker 8 drained")))
                .hasCount(0);
        assertThat(page.locator(
                        "vaadin-grid-cell-content",
                        new Page.LocatorOptions().setHasText("TASK [Wait for health checks]")))
                .hasCount(
                        1,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(page.locator("[data-status=running]").first()).isVisible();
        assertThat(page.getByText(fx.playbookName(playbook) + ", version 1")).isVisible();
        page.waitForTimeout(1000);
        // Into target/screenshots; -Ddocs.screenshots=true also refreshes the one in docs/screenshots.
        var shot = Boolean.getBoolean("docs.screenshots")
                ? Path.of("docs", "screenshots", "job-live.png")
                : Path.of("target", "screenshots", "job-live.png");
        Files.createDirectories(shot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));

        page.getByText("Cancel job").first().click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Cancel job")
                .last()
                .click();
        assertThat(page.locator("[data-status=cancelled]").first())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(15_000));
    }
}
