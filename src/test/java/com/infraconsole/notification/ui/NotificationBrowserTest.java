package com.infraconsole.notification.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.notification.HookService;
import com.infraconsole.notification.NotificationChannel;
import com.infraconsole.notification.NotificationEvent;
import com.infraconsole.notification.NotificationService;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.AccountLockedEvent;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hooks and notifications screens in Chromium, in one admin's walk (the screenshots in docs/). */
class NotificationBrowserTest extends BrowserTest {

    @Autowired
    HookService hooks;

    @Autowired
    NotificationService notifications;

    @Autowired
    PlaybookService playbooks;

    @Autowired
    ServerService servers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void disableRules() {
        jdbc.sql("UPDATE notification_rules SET enabled = FALSE").update();
    }

    @Test
    void an_admin_rotates_a_hook_secret_and_reads_the_delivery_log_without_any_destination_token() throws Exception {
        var admin = testUsers.signIn(Role.ADMIN);
        var playbook = playbooks.save(
                new Playbook("deploy-web-" + System.nanoTime() % 100000, null, "- hosts: all\n  tasks: []\n"));
        var s = new Server();
        s.setHostname("web-" + System.nanoTime() % 100000 + ".example.com");
        s.setIpAddress("10.20.30.41");
        s.setSshUser("deploy");
        s.setEnvironment(servers.environments().getFirst());
        s = servers.save(s);
        var hook = hooks.create(
                new HookService.NewHook("ci-deploy-web", null, playbook.getId(), List.of(s.getId()), null, false, 10));
        notifications.create(new NotificationService.NewRule(
                "ops-slack-locks",
                NotificationEvent.ACCOUNT_LOCKED,
                NotificationChannel.SLACK,
                "http://127.0.0.1:9/services/T0/B0/secret-token-xyz"));
        TestUsers.signOut();
        events.publishEvent(
                new AccountLockedEvent(admin.getId(), "mallory", Instant.now().plusSeconds(1800)));

        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.navigate(url("admin/hooks"));
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText("POST " + hook.hook().path()))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New hook"))
                .click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create").setExact(true))
                .click();
        assertThat(page.getByText("Name is required (at most 120 characters)")).isVisible();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Cancel").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate secret"))
                .first()
                .click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Rotate").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have copied it")))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("vaadin-text-area textarea").inputValue())
                .contains(
                        "X-Hub-Signature-256: sha256=$SIG",
                        "openssl dgst -sha256 -hmac",
                        hook.hook().path());
        copy(screenshot("hooks-secret"), "hooks-secret.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have copied it"))
                .click();

        page.navigate(url("admin/notifications"));
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("http://127.0.0.1:9/…"))
                .isVisible();
        // The worker tries the dead endpoint; the log says so, and says it will retry.
        for (int i = 0;
                i < 40
                        && page.locator("vaadin-grid-cell-content")
                                        .getByText("Retrying")
                                        .count()
                                == 0;
                i++) {
            page.waitForTimeout(500);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh log"))
                    .click();
        }
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText("Account mallory locked after failed logins")
                        .first())
                .isVisible();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText(
                                "Connection failed",
                                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(false))
                        .first())
                .isVisible();
        assertThat(page.getByText("secret-token-xyz")).hasCount(0);
        copy(screenshot("notifications"), "notifications.png");
    }

    private static void copy(Path shot, String name) throws Exception {
        if (Boolean.getBoolean("docs.screenshots")) { // -Ddocs.screenshots=true refreshes the ones in docs/
            var docs = Path.of("docs", "screenshots", name);
            Files.createDirectories(docs.getParent());
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
