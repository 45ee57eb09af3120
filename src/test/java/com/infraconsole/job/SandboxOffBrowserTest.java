package com.infraconsole.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.job.ui.SandboxBanner;
import com.infraconsole.security.Role;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A node started with INFRA_JOB_SANDBOX=off: its start is audited, jobs run without the sandbox,
 * and the dashboard and the Database screen warn about it. Its Quartz scheduler has a name of its
 * own, so no other test's node (sandboxed, same database) takes its jobs, nor it theirs.
 */
@TestPropertySource(
        properties = {
            "infra.jobs.sandbox.mode=off",
            "infra.jobs.node-id=test-node-unsandboxed",
            "spring.quartz.properties.org.quartz.scheduler.instanceName=unsandboxed-test"
        })
@DirtiesContext
class SandboxOffBrowserTest extends BrowserTest {

    /** A busy 2-core machine can take long for a first page in dev mode. */
    private static final LocatorAssertions.ContainsTextOptions PATIENT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_start_of_an_unsandboxed_node_is_audited() {
        var rows = jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'JOB_SANDBOX_OFF'"
                        + " AND entity_id = 'test-node-unsandboxed'")
                .query(Long.class)
                .single();

        assertThat(rows).isPositive();
    }

    @Test
    void jobs_run_without_the_sandbox_and_say_so() {
        testUsers.signIn(Role.OPERATOR);
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- debug: msg=unsandboxed-run"), List.of(fx.localServer())));
        TestUsers.signOut();

        var job = fx.awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fx.log(id)).contains("WITHOUT the job sandbox (INFRA_JOB_SANDBOX=off)", "unsandboxed-run");
    }

    @Test
    void dashboard_and_database_screen_warn_an_admin() {
        var admin = testUsers.create(Role.ADMIN);
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        screenshot("sandbox-off-dashboard");
        var banner = page.locator("#" + SandboxBanner.ID);
        assertThat(banner).containsText("WITHOUT the job sandbox", PATIENT);

        page.navigate(url("admin/database"));
        assertThat(page.locator("#" + SandboxBanner.ID)).containsText("INFRA_JOB_SANDBOX=off", PATIENT);
        screenshot("sandbox-off-database");
    }
}
