package com.infraconsole.credential.ui;

import com.infraconsole.credential.TestKeys;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Not a test: takes docs/screenshots/credentials.png and launch-credentials.png from a running
 * console in headless Chromium. Arguments: base URL, admin username, password, new password (for a
 * forced first-login change).
 */
public final class CredentialScreenshots {

    public static void main(String[] args) {
        var base = args[0];
        var out = Paths.get("docs/screenshots");
        try (var playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            var browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run")));
            var page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 850));
            page.navigate(base + "/login");
            page.getByLabel("Username").fill(args[1]);
            page.getByLabel("Password").first().fill(args[2]);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.waitForTimeout(8000); // a loaded node renders the forced change slowly
            if (page.getByLabel("Current password").count() > 0) {
                page.getByLabel("Current password").fill(args[2]);
                page.getByLabel("New password").first().fill(args[3]);
                page.getByLabel("Repeat new password").fill(args[3]);
                page.getByText("Change password").last().click();
                page.waitForTimeout(5000);
            }
            try {
                addKey(page, base, "deploy-key", "deploy");
            } catch (RuntimeException e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/credential-debug.png")));
                throw e;
            }
            addPassword(page, base, "prod-become", "Become password");
            addPassword(page, base, "vault-main", "Vault password");
            go(page, base + "/credentials", 6000);
            shoot(page, out.resolve("credentials.png"));
            page.locator("vaadin-grid-cell-content")
                    .getByText("deploy-key", new Locator.GetByTextOptions().setExact(true))
                    .click();
            page.waitForTimeout(1200);
            shoot(page, out.resolve("credential-dialog.png"));
            go(page, base + "/jobs", 2000);
            page.getByText("Launch job").click();
            page.waitForTimeout(1200);
            var dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByLabel("Credentials", new Locator.GetByLabelOptions().setExact(true))
                    .click();
            page.waitForTimeout(600);
            page.getByRole(AriaRole.OPTION)
                    .filter(new Locator.FilterOptions().setHasText("prod-become"))
                    .click();
            page.getByRole(AriaRole.OPTION)
                    .filter(new Locator.FilterOptions().setHasText("vault-main"))
                    .click();
            page.keyboard().press("Escape");
            page.waitForTimeout(600);
            shoot(page, out.resolve("launch-credentials.png"));
            browser.close();
        }
    }

    private static void addKey(Page page, String base, String name, String user) {
        go(page, base + "/credentials", 1500);
        page.getByText("New credential").click();
        page.waitForTimeout(800);
        var d = page.getByRole(AriaRole.DIALOG);
        d.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        d.getByLabel("Remote user", new Locator.GetByLabelOptions().setExact(true))
                .fill(user);
        d.getByLabel("Private key", new Locator.GetByLabelOptions().setExact(true))
                .fill(TestKeys.ed25519("").privateKey());
        d.getByLabel("Description", new Locator.GetByLabelOptions().setExact(true))
                .fill("Key made for the console");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        page.waitForTimeout(2000);
    }

    private static void addPassword(Page page, String base, String name, String type) {
        go(page, base + "/credentials", 1500);
        page.getByText("New credential").click();
        page.waitForTimeout(800);
        var d = page.getByRole(AriaRole.DIALOG);
        d.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        d.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(type).setExact(true))
                .click();
        d.getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill("not-shown-" + System.nanoTime());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        page.waitForTimeout(1500);
    }

    private static void go(Page page, String url, int settleMillis) {
        page.navigate(url);
        page.waitForTimeout(settleMillis);
        page.evaluate(
                "Array.from(document.body.children).filter(e => /DEV-TOOLS|COPILOT/.test(e.tagName)).forEach(e => e.remove())");
    }

    private static void shoot(Page page, Path path) {
        page.screenshot(new Page.ScreenshotOptions().setPath(path));
        System.out.println("wrote " + path);
    }
}
