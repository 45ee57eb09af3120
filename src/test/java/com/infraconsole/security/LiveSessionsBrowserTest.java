package com.infraconsole.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.user.User;
import com.infraconsole.user.UserAdminService;
import com.infraconsole.user.UserService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user signed in in Chromium while an admin demotes, deactivates or resets them: their open
 * sessions end at once, so the next request (a click, or a screen's own poll) lands on the login page.
 */
class LiveSessionsBrowserTest extends BrowserTest {

    @Autowired
    UserAdminService admin;

    @Autowired
    UserService users;

    @Autowired
    LiveSessions liveSessions;

    @Autowired
    SessionRevocations revocations;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_demoted_admin_loses_both_open_sessions_and_comes_back_with_the_new_role() {
        var user = testUsers.create(Role.ADMIN);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        var second = secondBrowserLoggedIn(user);
        page.navigate(url("users"));
        assertThat(page.getByText("New user")).isVisible();
        org.assertj.core.api.Assertions.assertThat(liveSessions.count(user.getId()))
                .isEqualTo(2);

        act(user, u -> admin.changeRole(u, Role.AUDITOR));

        org.assertj.core.api.Assertions.assertThat(liveSessions.count(user.getId()))
                .isZero();
        nextRequestLandsOnLogin(page, "users");
        nextRequestLandsOnLogin(second, "servers");
        second.context().close();
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        page.navigate(url(""));
        assertThat(page.locator(".user-role")).hasText(Role.AUDITOR.label());
    }

    @Test
    void a_deactivated_user_on_a_polling_screen_is_sent_to_the_login_page_without_clicking() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("jobs")); // polls every 5 s
        waitForVaadin();
        // A poll has run (and been answered) while the account was still active.
        page.waitForResponse(
                r -> r.url().contains("v-r=uidl")
                        && String.valueOf(r.request().postData()).contains("\"ui-poll\""),
                () -> {});
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(url("jobs"));

        act(user, admin::deactivate);

        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(30_000));
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL("**/login?error");
    }

    @Test
    void a_reset_password_ends_the_session_and_the_old_password_no_longer_works() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("servers"));
        waitForVaadin();

        act(user, admin::resetPassword);

        nextRequestLandsOnLogin(page, "tickets");
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL("**/login?error");
    }

    @Test
    void a_change_made_on_another_node_ends_the_session_here_at_its_next_request() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        page.navigate(url("servers"));
        waitForVaadin();

        // What another node's UserAdminService writes: this node's session registry is not told.
        revocations.revoke(user.getId(), null);
        org.assertj.core.api.Assertions.assertThat(liveSessions.count(user.getId()))
                .isEqualTo(1);
        page.waitForTimeout(RevokedSessionFilter.CHECK_EVERY.toMillis());

        nextRequestLandsOnLogin(page, "tickets");
        logIn(user.getUsername(), TestUsers.PASSWORD); // a new sign-in starts at the new generation
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        page.navigate(url("tickets"));
        assertThat(page.getByText("New ticket")).isVisible();
    }

    /**
     * The user opens another screen. The page may already be reloading by itself (its push
     * connection closed with the session, or a poll found no session), which aborts this navigation.
     */
    private void nextRequestLandsOnLogin(Page p, String path) {
        try {
            p.navigate(url(path));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            if (!String.valueOf(e.getMessage()).contains("ERR_ABORTED")) {
                throw e;
            }
        }
        p.waitForURL(Pattern.compile(".*/login$"));
    }

    /** The admin acts from this test's thread, on the account as it is now. */
    private void act(User user, Function<User, ?> change) {
        testUsers.signIn(Role.ADMIN);
        change.apply(users.get(user.getId()).orElseThrow());
        TestUsers.signOut();
    }

    private Page secondBrowserLoggedIn(User user) {
        var other = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        other.setDefaultTimeout(45_000);
        var second = other.newPage();
        second.navigate(url("login"));
        second.getByLabel("Username", new Page.GetByLabelOptions().setExact(true))
                .fill(user.getUsername());
        second.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(TestUsers.PASSWORD);
        second.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        second.waitForURL(url(""));
        return second;
    }
}
