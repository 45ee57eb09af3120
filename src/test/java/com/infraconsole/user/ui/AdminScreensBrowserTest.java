package com.infraconsole.user.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin screens' main flows in Chromium: a new account's first login, and environments. */
class AdminScreensBrowserTest extends BrowserTest {

    @Test
    void admin_creates_a_user_who_must_replace_the_one_time_password_at_first_login() {
        var admin = testUsers.create(Role.ADMIN);
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("users"));
        button("New user").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        var name = "pw" + UUID.randomUUID().toString().substring(0, 8);
        field(dialog, "Username").fill(name);
        field(dialog, "Email").fill(name + "@example.test");
        button("Create").click();
        var otpField = page.locator("vaadin-text-field.one-time-password input");
        assertThat(otpField).isVisible();
        var otp = otpField.inputValue();
        button("Done").click();
        // Other tests leave many accounts: find the new one as a user would, by searching.
        page.getByLabel("Search users").fill(name);
        assertThat(cell(name)).isVisible();

        context.clearCookies();
        logIn(name, otp);
        assertThat(page.getByText("Before you continue, replace the password")).isVisible();
        page.getByLabel("Current password", new Page.GetByLabelOptions().setExact(true))
                .fill(otp);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill(name + "-too");
        page.getByLabel("Repeat new password", new Page.GetByLabelOptions().setExact(true))
                .fill(name + "-too");
        button("Change password").click();
        // The field's own message: Vaadin also announces it for a moment in an aria-live region.
        assertThat(page.locator("[slot=error-message]").getByText("must not contain the username"))
                .isVisible();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("Amber-Falcon-Quarry-31");
        page.getByLabel("Repeat new password", new Page.GetByLabelOptions().setExact(true))
                .fill("Amber-Falcon-Quarry-31");
        button("Change password").click();
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("profile"));
        assertThat(page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(name);
    }

    @Test
    void admin_creates_an_environment_and_a_duplicate_name_is_refused_at_the_field() {
        var admin = testUsers.create(Role.ADMIN);
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("environments"));
        var name = "bt-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 0; attempt < 2; attempt++) {
            button("New environment").click();
            var dialog = page.getByRole(AriaRole.DIALOG);
            field(dialog, "Name").fill(name);
            button("Save").click();
            if (attempt == 0) {
                assertThat(dialog).isHidden();
                assertThat(cell(name)).isVisible();
            } else {
                assertThat(dialog.getByText("An environment named " + name + " already exists"))
                        .isVisible();
            }
        }
    }

    private Locator cell(String text) {
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
}
