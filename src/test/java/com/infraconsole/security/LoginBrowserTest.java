package com.infraconsole.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logging in through the real page in Chromium, as each role, and what the navigation then shows. */
class LoginBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void each_role_logs_in_and_sees_only_its_screens() {
        for (var role : Role.values()) {
            var user = testUsers.create(role);
            logIn(user.getUsername(), com.infraconsole.TestUsers.PASSWORD);
            page.waitForURL(url("")); // the dashboard is the landing page
            var nav = page.locator("vaadin-side-nav-item");
            assertThat(nav.filter(new Locator.FilterOptions().setHasText("Servers")))
                    .isVisible();
            var labels = nav.allInnerTexts().stream().map(String::trim).toList();
            if (role != Role.ADMIN) {
                org.assertj.core.api.Assertions.assertThat(labels)
                        .as(role.name())
                        .doesNotContain("Users", "Environments", "Database");
            }
            if (role == Role.OPERATOR) {
                org.assertj.core.api.Assertions.assertThat(labels).doesNotContain("Audit log");
            }
            assertThat(page.locator(".user-menu")).containsText(user.getUsername());
            assertThat(page.locator(".user-role")).hasText(role.label());
            screenshot("nav-" + role.dbValue());
            // A direct URL to an admin-only screen is not opened for other roles.
            if (role != Role.ADMIN) {
                for (var path : List.of("users", "admin/database")) {
                    var response = page.navigate(url(path));
                    org.assertj.core.api.Assertions.assertThat(response.status())
                            .isIn(403, 404);
                    assertThat(page.getByText("You cannot open this page")).isVisible();
                    assertThat(page.locator("vaadin-grid")).hasCount(0);
                }
            }
            context.clearCookies();
        }
    }

    @Test
    void a_wrong_password_shows_one_generic_message() {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), "wrong-password-1234");
        page.waitForURL("**/login?error");
        var generic = page.getByText("Incorrect username or password, or the account is locked or inactive.");
        assertThat(generic).isVisible();
        logIn("no-such-user-anywhere", "wrong-password-1234");
        page.waitForURL("**/login?error");
        assertThat(generic).isVisible();
    }

    @Test
    void a_new_account_must_change_its_password_before_anything_else() {
        var user = testUsers.create(Role.OPERATOR);
        jdbc.update("UPDATE users SET must_change_password = TRUE WHERE id = ?", user.getId());
        logIn(user.getUsername(), com.infraconsole.TestUsers.PASSWORD);
        page.waitForURL("**/change-password");
        page.navigate(url("servers"));
        page.waitForURL("**/change-password");
        page.getByLabel("Current password").fill(com.infraconsole.TestUsers.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("short");
        page.getByLabel("Repeat new password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        // .first(): Vaadin also announces field errors in an aria-live region.
        assertThat(page.getByText("Use at least 12 characters").first()).isVisible();
        var fresh = "Blue-Lantern-Orbit-42";
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill(fresh);
        page.getByLabel("Repeat new password").fill(fresh);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.waitForURL(url("")); // the dashboard is the landing page
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                        "SELECT must_change_password FROM users WHERE id = ?", Boolean.class, user.getId()))
                .isFalse();
    }
}
