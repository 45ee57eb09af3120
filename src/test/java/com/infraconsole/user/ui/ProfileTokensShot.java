package com.infraconsole.user.ui;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

class ProfileTokensShot extends BrowserTest {

    @Test
    void shot() throws Exception {
        var user = testUsers.create(Role.OPERATOR);
        logIn(user.getUsername(), TestUsers.PASSWORD);
        page.waitForTimeout(3000);
        page.navigate(url("profile"));
        waitForVaadin();
        page.getByLabel("Token name").fill("deploy pipeline");
        page.getByText("Create token").click();
        waitForVaadin();
        page.getByText("Done").click();
        page.getByLabel("Token name").fill("grafana");
        page.getByLabel("Read-only").check();
        page.getByText("Create token").click();
        waitForVaadin();
        var shot = screenshot("profile-api-tokens-dialog");
        Files.copy(
                shot, Path.of("docs/screenshots/profile-api-tokens-dialog.png"), StandardCopyOption.REPLACE_EXISTING);
        page.getByText("Done").click();
        waitForVaadin();
        page.setViewportSize(1280, 1000);
        var list = screenshot("profile-api-tokens");
        Files.copy(list, Path.of("docs/screenshots/profile-api-tokens.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
