package com.infraconsole.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.server.ServerStatus;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator keeps the inventory in Chromium: bad input, a duplicate, an edit, a delete. */
class ServersBrowserTest extends BrowserTest {

    @Autowired
    ServerService servers;

    @Test
    void operator_creates_edits_and_deletes_a_server_and_sees_clear_messages_for_bad_input() {
        seedSomeServers();
        var operator = testUsers.create(Role.OPERATOR);
        logIn(operator.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("servers"));
        assertThat(cell("web-01.prod.example.com")).isVisible();
        screenshot("servers");

        button("New server").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        field(dialog, "Hostname").fill("not a hostname!");
        field(dialog, "IP address").fill("10.0.0.300");
        button("Save").click();
        assertThat(dialog.getByText("Use letters, digits, hyphens and dots")).isVisible();
        assertThat(dialog.getByText("Enter an IPv4 address")).isVisible();
        assertThat(dialog.getByText("Choose an environment")).isVisible();
        screenshot("servers-invalid");

        field(dialog, "Hostname").fill("web-01.prod.example.com");
        field(dialog, "IP address").fill("2001:db8::42");
        dialog.getByLabel("Environment").fill("staging");
        page.keyboard().press("Enter");
        button("Save").click();
        assertThat(dialog.getByText("A server named web-01.prod.example.com already exists"))
                .isVisible();

        field(dialog, "Hostname").fill("edge-07.stage.example.com");
        button("Save").click();
        assertThat(dialog).isHidden();
        assertThat(cell("edge-07.stage.example.com")).isVisible();

        cell("edge-07.stage.example.com").click();
        field(dialog, "Location").fill("Rack C2, Amsterdam");
        button("Save").click();
        assertThat(cell("Rack C2, Amsterdam")).isVisible();

        cell("edge-07.stage.example.com").click();
        button("Delete").click();
        page.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(cell("edge-07.stage.example.com")).hasCount(0);
    }

    @Test
    void auditor_sees_the_inventory_without_any_way_to_change_it() {
        seedSomeServers();
        var auditor = testUsers.create(Role.AUDITOR);
        logIn(auditor.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("servers"));
        assertThat(cell("db-01.prod.example.com")).isVisible();
        assertThat(button("New server")).hasCount(0);
        cell("db-01.prod.example.com").click();
        assertThat(button("Save")).hasCount(0);
        assertThat(button("Delete")).hasCount(0);
    }

    private Locator cell(String text) {
        // Grid rows are recycled: a removed row's cell may linger hidden, so count visible ones only.
        return page.locator("vaadin-grid-cell-content")
                .getByText(text, new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator field(Locator dialog, String label) {
        return dialog.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private void seedSomeServers() {
        SystemAuthentication.run(() -> {
            var envs = servers.environments();
            String[][] rows = {
                {"web-01.prod.example.com", "10.20.1.11", "production", "Debian 12", "Frankfurt DC, rack B4", "ACTIVE"},
                {"web-02.prod.example.com", "10.20.1.12", "production", "Debian 12", "Frankfurt DC, rack B4", "ACTIVE"},
                {"db-01.prod.example.com", "10.20.2.21", "production", "Ubuntu 22.04", "Frankfurt DC, rack B6", "ACTIVE"
                },
                {"cache-01.stage.example.com", "10.30.1.31", "staging", "Debian 12", "Amsterdam, rack A1", "MAINTENANCE"
                },
                {"ci-runner.dev.example.com", "2001:db8:10::5", "development", "Rocky Linux 9", "Office lab", "ACTIVE"},
                {"legacy-app.dev.example.com", "10.40.0.9", "development", "CentOS 7", "Office lab", "INACTIVE"},
            };
            for (var r : rows) {
                if (servers.list(
                                new com.infraconsole.server.ServerFilter(r[0], null, null),
                                org.springframework.data.domain.PageRequest.of(0, 1))
                        .isEmpty()) {
                    var s = new Server();
                    s.setHostname(r[0]);
                    s.setIpAddress(r[1]);
                    s.setEnvironment(envs.stream()
                            .filter(e -> e.getName().equals(r[2]))
                            .findFirst()
                            .orElseThrow());
                    s.setOsType(r[3]);
                    s.setLocation(r[4]);
                    s.setStatus(ServerStatus.valueOf(r[5]));
                    s.setSshUser("ansible");
                    servers.save(s);
                }
            }
        });
    }
}
