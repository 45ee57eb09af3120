package com.infraconsole.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operator sees in Chromium: a refused ansible_ var, masked secrets on the job page, a skipped schedule. */
class JobExtraVarsBrowserTest extends BrowserTest {

    @Autowired
    JobFixtures fx;

    @Autowired
    ServerService servers;

    @Autowired
    JobService jobs;

    @Autowired
    JobScheduleService schedules;

    @Autowired
    ScheduleSkips skips;

    @Test
    void operator_is_refused_a_connection_var_and_sees_secrets_masked_and_skipped_occurrences() {
        var operator = testUsers.signIn(Role.OPERATOR);
        long playbookId = fx.tasks("- debug:\n    msg: \"deploying {{ version }}\"");
        var playbook = fx.playbookName(playbookId);
        long serverId = fx.localServer();
        var host = servers.get(serverId).orElseThrow().getHostname();
        var secret = "hunter2-" + System.nanoTime();
        long jobId = jobs.launch(LaunchRequest.of(playbookId, List.of(serverId))
                .withExtraVars("version: \"1.4.2\"\ndb_password: " + secret
                        + "\napi:\n  url: https://api.example.test\n  token: t-" + secret));
        var schedule = schedules.create(
                "nightly-deploy-" + System.nanoTime() % 100_000,
                "0 30 2 * * ?",
                "UTC",
                LaunchRequest.of(playbookId, List.of(serverId)));
        skips.record(schedule.getId(), "Owner " + operator.getUsername() + " is deactivated");
        TestUsers.signOut();
        fx.awaitEnd(jobId, java.time.Duration.ofSeconds(60));

        logIn(operator.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("jobs"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch job"))
                .click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Playbook", new Locator.GetByLabelOptions().setExact(true))
                .fill(playbook);
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(playbook).setExact(true))
                .click();
        dialog.getByLabel("Target servers").fill(host);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(host))
                .first()
                .click();
        page.keyboard().press("Tab");
        var extraVars = dialog.getByLabel("Extra vars (YAML or JSON)");
        extraVars.click();
        extraVars.fill("version: \"1.4.2\"\nansible_connection: local");
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Launch").setExact(true))
                .click();
        assertThat(dialog.getByText("Only admins may set ansible_connection").first())
                .isVisible();
        screenshot("job-extra-vars-refused");

        page.navigate(url("jobs/" + jobId));
        var patient = new LocatorAssertions.IsVisibleOptions().setTimeout(45_000);
        assertThat(page.getByText("Job #" + jobId).first()).isVisible(patient);
        assertThat(page.getByText("db_password: ***").first()).isVisible(patient);
        assertThat(page.getByText(secret)).hasCount(0);
        screenshot("job-extra-vars-masked");

        page.navigate(url("jobs/schedules"));
        assertThat(page.getByText("1 skipped").first()).isVisible(patient);
        screenshot("schedules-skipped");
    }
}
