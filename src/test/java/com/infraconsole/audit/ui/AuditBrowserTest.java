package com.infraconsole.audit.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The compliance screen in Chromium: an auditor opens a change and reads its diff (the screenshot in docs/). */
class AuditBrowserTest extends BrowserTest {

    @Autowired
    ServerService servers;

    @Test
    void an_auditor_opens_an_update_and_reads_old_and_new_values() throws Exception {
        var admin = testUsers.signIn(Role.ADMIN);
        var s = new Server();
        s.setHostname("web-" + System.nanoTime() % 100000 + ".example.com");
        s.setIpAddress("10.20.30.40");
        s.setSshUser("deploy");
        s.setOsType("Debian 12");
        s.setEnvironment(servers.environments().get(2));
        s = servers.save(s);
        s.setSshPort(2222);
        s.setLocation("Frankfurt rack 7");
        s.setStatus(com.infraconsole.server.ServerStatus.MAINTENANCE);
        servers.save(s);
        TestUsers.signOut();
        var auditor = testUsers.create(Role.AUDITOR);

        logIn(auditor.getUsername(), TestUsers.PASSWORD);
        page.navigate(url("audit"));
        waitForVaadin();
        page.locator("vaadin-grid-cell-content").getByText("UPDATE").first().click();
        assertThat(page.locator("#audit-diff")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Frankfurt rack 7"))
                .isVisible();
        var shot = screenshot("audit");
        if (Boolean.getBoolean("docs.screenshots")) { // -Ddocs.screenshots=true refreshes the one in docs/
            var docs = Path.of("docs", "screenshots", "audit.png");
            Files.createDirectories(docs.getParent());
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void verify_chain_says_from_which_seq_the_chain_is_keyed_and_that_the_checkpoints_match() throws Exception {
        testUsers.create(Role.OPERATOR); // at least one keyed row
        var auditor = testUsers.create(Role.AUDITOR);
        logIn(auditor.getUsername(), TestUsers.PASSWORD);
        page.navigate(url("audit"));
        waitForVaadin();
        page.getByText("Verify chain").click(); // twice: the first run writes the checkpoint the second checks
        assertThat(page.locator("#audit-verdict"))
                .containsText(
                        "rows verified",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        page.getByText("Verify chain").click();
        assertThat(page.locator("#audit-verdict"))
                .containsText(
                        "checkpoint",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        assertThat(page.locator("#audit-verdict")).containsText("keyed (HMAC) from seq 1");
        var shot = screenshot("audit-verify");
        if (Boolean.getBoolean("docs.screenshots")) {
            Files.copy(shot, Path.of("docs", "screenshots", "audit-verify.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
