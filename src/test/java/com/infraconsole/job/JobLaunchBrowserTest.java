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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator launches a playbook from the jobs screen in Chromium and lands on its live page. */
class JobLaunchBrowserTest extends BrowserTest {

    @Autowired
    JobFixtures fx;

    @Autowired
    ServerService servers;

    @Test
    void operator_launches_a_playbook_with_extra_vars_and_sees_it_succeed() {
        var operator = testUsers.signIn(Role.OPERATOR);
        long playbookId = fx.tasks("""
                - name: Greet
                  debug:
                    msg: "greeting is {{ greeting }}"
                """);
        var playbook = fx.playbookName(playbookId);
        var host = servers.get(fx.localServer()).orElseThrow().getHostname();
        TestUsers.signOut();

        logIn(operator.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("jobs"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch job"))
                .click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        button(dialog, "Launch").click();
        assertThat(dialog.getByText("Choose a playbook").first()).isVisible();
        assertThat(dialog.getByText("Choose at least one server").first()).isVisible();

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
        var extraVars = dialog.getByLabel("Extra vars (YAML or JSON)");
        page.keyboard().press("Tab"); // leaves the servers' field, which closes its dropdown
        extraVars.click();
        extraVars.fill("greeting: [unclosed");
        button(dialog, "Launch").click();
        assertThat(dialog.getByText("Not valid YAML or JSON").first()).isVisible();
        assertThat(page).hasURL(url("jobs")); // refused: still on the list, the dialog keeps the input

        extraVars.fill("greeting: hello from the browser");
        button(dialog, "Launch").click();
        page.waitForURL(u -> u.matches(".*/jobs/\\d+$"));
        var patient = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
        assertThat(page.locator("[data-status=success]").first()).isVisible(patient);
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText("greeting is hello from the browser")
                        .first())
                .isVisible(patient);
        assertThat(page.getByText("greeting: hello from the browser").first()).isVisible(); // the run's extra vars
        screenshot("job-launched");
    }

    private static Locator button(Locator dialog, String name) {
        return dialog.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
