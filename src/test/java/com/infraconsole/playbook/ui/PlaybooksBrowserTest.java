package com.infraconsole.playbook.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The playbooks screen's main flow in Chromium: write a playbook, fix the YAML it refuses, compare versions. */
class PlaybooksBrowserTest extends BrowserTest {

    static final String BAD = """
            - name: Web tier
              hosts: webservers
              tasks:
                - name: nginx is installed
                  ansible.builtin.apt: {name: nginx, state: present
            """;
    static final String GOOD = """
            - name: Web tier
              hosts: webservers
              become: true
              tasks:
                - name: nginx is installed
                  ansible.builtin.apt:
                    name: nginx
                    state: present
                - name: nginx runs
                  ansible.builtin.service:
                    name: nginx
                    state: started
            """;

    @Autowired
    PlaybookService playbooks;

    @Test
    void operator_writes_a_playbook_is_told_the_bad_line_and_compares_two_versions() {
        var operator = testUsers.create(Role.OPERATOR);
        var name = "deploy-web-" + UUID.randomUUID().toString().substring(0, 6);
        var seeded = seedHistory(operator);

        logIn(operator.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("playbooks"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New playbook"))
                .click();
        var dialog = page.locator("vaadin-dialog");
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        dialog.getByLabel("Description").fill("Installs and starts nginx on the web tier");
        dialog.getByLabel("YAML").fill(BAD);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(dialog.getByText("YAML syntax error")).isVisible();
        assertThat(dialog.getByText("Line 6:")).isVisible();

        dialog.getByLabel("YAML").fill(GOOD);
        dialog.getByLabel("Description").click();
        waitForVaadin();
        screenshotTo("playbooks.png");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        // While the modal dialog is open the server ignores the search field behind it: wait for the
        // save to close it, or the filter typed below is dropped and the new row stays out of view.
        assertThat(page.getByText("Created " + name)).isVisible();
        assertThat(dialog).hasCount(0);
        waitForVaadin();
        // Other tests leave many playbooks: find the new one as a user would, by searching.
        page.getByLabel("Search playbooks").fill(name);
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText(name, new Locator.GetByTextOptions().setExact(true))
                        .filter(new Locator.FilterOptions().setVisible(true)))
                .isVisible();

        // A fresh page: under load a closing dialog's overlay can linger and swallow the next click.
        page.navigate(url("playbooks"));
        page.getByLabel("Search playbooks").fill(seeded);
        waitForVaadin();
        // The grid recycles cells while it refreshes: click the visible one once the filter has applied.
        page.locator("vaadin-grid-cell-content")
                .getByText(seeded, new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History"))
                .click();
        assertThat(page.locator(".diff-added").first()).isVisible();
        assertThat(page.locator(".diff-removed").first()).isVisible();
        screenshotTo("playbooks-history.png");
    }

    /** A playbook with three saved versions, so that the history has something to compare. */
    private String seedHistory(com.infraconsole.user.User operator) {
        TestUsers.signIn(operator);
        try {
            var pb = playbooks.save(new Playbook(
                    "rolling-restart-" + UUID.randomUUID().toString().substring(0, 4),
                    "Restarts the app servers one at a time",
                    """
                    - name: Rolling restart
                      hosts: app
                      serial: 1
                      tasks:
                        - name: restart app
                          ansible.builtin.service:
                            name: app
                            state: restarted
                    """));
            pb.setContent("""
                    - name: Rolling restart
                      hosts: app
                      serial: 2
                      pre_tasks:
                        - name: drain from the load balancer
                          ansible.builtin.command: /usr/local/bin/lb-drain {{ inventory_hostname }}
                      tasks:
                        - name: restart app
                          ansible.builtin.service:
                            name: app
                            state: restarted
                        - name: wait for health
                          ansible.builtin.uri:
                            url: http://localhost:8080/health
                    """);
            return playbooks.save(pb).getName();
        } finally {
            TestUsers.signOut();
        }
    }

    /** Into target/screenshots; -Ddocs.screenshots=true also refreshes the one in docs/screenshots. */
    private void screenshotTo(String file) {
        page.waitForTimeout(400); // let dialogs and notifications finish animating
        var shot = screenshot(file.replace(".png", ""));
        if (Boolean.getBoolean("docs.screenshots")) {
            try {
                Files.copy(shot, Path.of("docs", "screenshots", file), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
