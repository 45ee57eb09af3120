package com.infraconsole.security;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The idle timeout counts what the person does, not the jobs screen's poll every 5 s: with the
 * timeout shortened to seconds, an unattended jobs tab goes back to the login page by itself, and
 * one whose user keeps clicking stays signed in.
 */
class IdleTimeoutBrowserTest extends BrowserTest {

    @Autowired IdleTimeout idleTimeout;

    @AfterEach
    void restoreTimeout() {
        idleTimeout.set(Duration.ofMinutes(30));
    }

    @Test
    void an_unattended_polling_screen_is_signed_out_after_the_idle_time() {
        openJobsAsOperator();
        idleTimeout.set(Duration.ofSeconds(4));
        var start = System.nanoTime();
        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(40_000));
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("signed out after the idle time, not before").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        page.navigate(url("jobs"));
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void clicking_keeps_the_session_and_stopping_ends_it() {
        openJobsAsOperator();
        idleTimeout.set(Duration.ofSeconds(8));
        // 24 s of use, three times the idle time, with polls in between.
        for (int i = 0; i < 8; i++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch job")).click();
            var dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel")).click();
            dialog.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            page.waitForTimeout(3_000);
        }
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(url("jobs"));
        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(40_000));
    }

    private void openJobsAsOperator() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("jobs"));
        waitForVaadin();
    }
}
