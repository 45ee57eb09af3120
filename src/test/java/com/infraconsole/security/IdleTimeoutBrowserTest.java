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
 * timeout shortened to seconds, a jobs tab whose user keeps clicking stays signed in, and once the
 * clicking stops it goes back to the login page by itself. One walk, one sign-in: the idle time
 * (7 s) is above the poll interval, so polls run inside every idle window and would keep the
 * session alive if they counted.
 */
class IdleTimeoutBrowserTest extends BrowserTest {

    private static final Duration IDLE = Duration.ofSeconds(7);

    @Autowired
    IdleTimeout idleTimeout;

    @AfterEach
    void restoreTimeout() {
        idleTimeout.set(Duration.ofMinutes(30));
    }

    @Test
    void clicking_keeps_the_session_and_an_unattended_polling_screen_is_signed_out_after_the_idle_time() {
        openJobsAsOperator();
        idleTimeout.set(IDLE);
        // 16 s of use, more than twice the idle time, with polls in between.
        long lastClick = 0;
        for (int i = 0; i < 6; i++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch job"))
                    .click();
            var dialog = page.getByRole(AriaRole.DIALOG);
            lastClick = System.nanoTime(); // before the server can see this click: the idle time starts later
            dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel"))
                    .click();
            dialog.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            page.waitForTimeout(2_500);
        }
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(url("jobs"));

        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(40_000));
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - lastClick))
                .as("signed out after the idle time, not before")
                .isGreaterThanOrEqualTo(IDLE);
        page.navigate(url("jobs"));
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    private void openJobsAsOperator() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("jobs"));
        waitForVaadin();
    }
}
