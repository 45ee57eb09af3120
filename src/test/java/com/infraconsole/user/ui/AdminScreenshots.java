package com.infraconsole.user.ui;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Not a test: takes docs/screenshots/users.png and environments.png from a running console in
 * headless Chromium. Run with: base URL, admin username, admin password, new password (used when
 * the console forces a first-login change).
 */
public final class AdminScreenshots {

    public static void main(String[] args) {
        var base = args[0];
        var out = Paths.get(args.length > 4 ? args[4] : "docs/screenshots");
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
            var page =
                    browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions().setViewportSize(1400, 800));
            page.navigate(base + "/login");
            page.getByLabel("Username").fill(args[1]);
            page.getByLabel("Password").first().fill(args[2]);
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.waitForTimeout(3000);
            // The forced change is a reroute: the URL stays, so look for the form itself.
            if (page.getByLabel("Current password").count() > 0) {
                page.getByLabel("Current password").fill(args[2]);
                page.getByLabel("New password").first().fill(args[3]);
                page.getByLabel("Repeat new password").fill(args[3]);
                page.getByText("Change password").last().click();
                page.waitForTimeout(2000);
            }
            try {
                populate(page, base);
            } catch (RuntimeException e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/admin-debug.png")));
                throw e;
            }
            shoot(page, out.resolve("environments.png"));
            go(page, base + "/users", 2000);
            shoot(page, out.resolve("users.png"));
            cell(page, "alice.ops").click();
            page.waitForTimeout(1000);
            shoot(page, out.resolve("user-dialog.png"));
            go(page, base + "/profile", 2000);
            shoot(page, out.resolve("profile.png"));
            if (args.length > 5) {
                importServers(page, base, Paths.get(args[5]), out);
            }
            browser.close();
        }
    }

    private static void populate(Page page, String base) {
        {
            var roles = Map.of("alice.ops", "Operator", "bob.audit", "Auditor", "carol.admin", "Admin");
            for (var name : List.of("alice.ops", "bob.audit", "carol.admin")) {
                go(page, base + "/users", 1500);
                if (cell(page, name).count() > 0) {
                    continue; // already there from an earlier run
                }
                page.getByText("New user").click();
                var dialog = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
                dialog.getByLabel("Username", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                        .fill(name);
                dialog.getByLabel("Email", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                        .fill(name + "@example.com");
                dialog.getByLabel("Role", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                        .click();
                page.getByRole(
                                com.microsoft.playwright.options.AriaRole.OPTION,
                                new Page.GetByRoleOptions()
                                        .setName(roles.get(name))
                                        .setExact(true))
                        .click();
                page.getByRole(
                                com.microsoft.playwright.options.AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Create"))
                        .click();
                page.waitForTimeout(1000);
                page.getByText("Done").click();
            }
            go(page, base + "/environments", 1500);
            if (cell(page, "qa").count() > 0) {
                return;
            }
            page.getByText("New environment").click();
            var envDialog = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
            envDialog
                    .getByLabel("Name", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                    .fill("qa");
            envDialog
                    .getByLabel("Description", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                    .fill("Quality assurance lab");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save"))
                    .click();
            page.waitForTimeout(1500);
        }
    }

    /** Previews a CSV in the import dialog, shoots the report, imports, and shoots the servers list. */
    private static void importServers(Page page, String base, Path csv, Path out) {
        go(page, base + "/servers", 2000);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Import").setExact(true))
                .click();
        page.waitForTimeout(1000);
        page.locator("vaadin-upload input[type=file]").setInputFiles(csv);
        page.waitForTimeout(2500);
        shoot(page, out.resolve("servers-import.png"));
        page.getByText("Import 3 new servers").click();
        page.waitForTimeout(1500);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        page.waitForTimeout(1500);
        shoot(page, out.resolve("servers-imported.png"));
        var download = page.waitForDownload(() -> page.getByText("Export CSV").click());
        try {
            System.out.println(
                    "export " + download.suggestedFilename() + ":\n" + java.nio.file.Files.readString(download.path()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static com.microsoft.playwright.Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content")
                .getByText(text, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true));
    }

    /** Opens a screen and hides Vaadin's dev-mode tools, which would cover buttons and screenshots. */
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
