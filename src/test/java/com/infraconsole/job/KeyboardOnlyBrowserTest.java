package com.infraconsole.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person without a mouse: logs in, launches a job on localhost with real Ansible and reports a
 * ticket, then opens it from the list, with Tab, Shift+Tab, Enter, Space, arrows and typing only.
 * Focus is read from the page (through shadow roots) before every key that acts.
 */
class KeyboardOnlyBrowserTest extends BrowserTest {

    /**
     * What has focus: the nearest control around the focused element (shadow hosts climbed) and
     * its name (label, aria-label or text); for a grid cell also the text of its whole row.
     */
    private static final String FOCUS = """
            () => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              if (!e || e === document.body) return {name: '', row: '', inDialog: false};
              let name = '', row = '', inDialog = false;
              if (e.localName === 'td' || e.localName === 'tr') {
                const tr = e.localName === 'tr' ? e : e.parentNode;
                const text = cell => [...cell.querySelectorAll('slot')].flatMap(s => s.assignedElements())
                    .map(c => c.innerText.trim()).join(' ');
                name = text(e);
                row = tr.parentNode && tr.parentNode.id === 'items' ? [...tr.children].map(text).join(' | ') : '';
              }
              for (let n = e; n; n = n.parentNode || n.host) {
                if (n.nodeType !== 1) continue;
                const tag = n.localName;
                if (tag === 'vaadin-dialog' || tag === 'vaadin-dialog-overlay') inDialog = true;
                if (name) continue;
                if (typeof n.label === 'string' && n.label) name = n.label;
                else if (n.getAttribute('aria-label') && tag !== 'vaadin-dialog-overlay') name = n.getAttribute('aria-label');
                else if (/^(vaadin-(button|side-nav-item|checkbox|tab)|a|button)$/.test(tag)) name = (n.innerText || '').trim();
              }
              return {name, row, inDialog};
            }""";

    @Autowired
    JobFixtures fx;

    @Autowired
    ServerService servers;

    @Test
    void logs_in_launches_a_job_and_reports_and_opens_a_ticket_with_the_keyboard_only() {
        try {
            walk();
        } catch (RuntimeException | AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keyboard-failure.png")));
            throw e;
        }
    }

    private void walk() {
        var operator = testUsers.signIn(Role.OPERATOR);
        var playbook = fx.playbookName(fx.tasks("""
                - name: Greet
                  debug:
                    msg: "typed without a mouse"
                """));
        var host = servers.get(fx.localServer()).orElseThrow().getHostname();
        TestUsers.signOut();
        var title = "Keyboard ticket " + UUID.randomUUID().toString().substring(0, 6);

        page.navigate(url("login"));
        waitForVaadin();
        tabTo("Username");
        page.keyboard().type(operator.getUsername());
        tabTo("Password");
        page.keyboard().type(TestUsers.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url(""));
        waitForVaadin();

        tabTo("Jobs");
        page.keyboard().press("Enter");
        page.waitForURL(url("jobs"));
        waitForVaadin();
        tabTo("Launch job");
        page.keyboard().press("Enter");
        waitForVaadin();
        assertThat(focus().get("inDialog"))
                .as("focus moves into the launch dialog, now on: " + focus())
                .isEqualTo(true);
        tabTo("Playbook");
        page.keyboard().type(playbook);
        option(playbook).waitFor(); // looking, not clicking: the lazy list answers after a round trip
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        tabTo("Target servers");
        page.keyboard().type(host);
        option(host).waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        tabTo("Open a ticket if the job fails");
        page.keyboard().press("Space"); // a checkbox toggles with Space
        tabTo("Launch");
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.matches(".*/jobs/\\d+$"));
        var patient = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
        assertThat(page.locator("[data-status=success]").first()).isVisible(patient);
        assertThat(page.locator("vaadin-grid-cell-content")
                        .getByText("typed without a mouse")
                        .first())
                .isVisible(patient);

        // Back to the navigation: Shift+Tab from the page's content.
        tabBackTo("Tickets");
        page.keyboard().press("Enter");
        page.waitForURL(url("tickets"));
        waitForVaadin();
        tabTo("New ticket");
        page.keyboard().press("Enter");
        waitForVaadin();
        assertThat(focus().get("name").toString())
                .as("the new ticket dialog puts focus on its first field")
                .contains("Title");
        page.keyboard().type(title);
        tabTo("Description");
        page.keyboard().type("Reported without touching the mouse.");
        tabTo("Create");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Created #").first()).isVisible();
        waitForVaadin();

        // The new ticket is in the list: Tab into the grid's rows, arrow down to it, open it with Enter.
        page.keyboard().press("Escape"); // closes the dialog left open after saving, if any
        waitForVaadin();
        for (int i = 0; i < 40 && String.valueOf(focus().get("row")).isEmpty(); i++) {
            page.keyboard().press("Tab");
        }
        for (int i = 0; i < 50 && !String.valueOf(focus().get("row")).contains(title); i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(focus().get("row").toString())
                .as("the new ticket's row has focus")
                .contains(title);
        page.keyboard().press("Enter");
        waitForVaadin();
        assertThat(focus().get("inDialog"))
                .as("Enter on a row opens the ticket, focus in it: " + focus())
                .isEqualTo(true);
        var dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByText(title).first()).isVisible();
        assertThat(dialog.getByLabel("Description")).hasValue("Reported without touching the mouse.");
        screenshot("keyboard-ticket-opened");
    }

    private Locator option(String name) {
        return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name))
                .first();
    }

    private Map<?, ?> focus() {
        return (Map<?, ?>) page.evaluate(FOCUS);
    }

    private void tabTo(String name) {
        press("Tab", name);
    }

    private void tabBackTo(String name) {
        press("Shift+Tab", name);
    }

    /** Presses the key until focus is on a control whose label or text contains the name. */
    private void press(String key, String name) {
        var seen = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            var focused = String.valueOf(focus().get("name"));
            if (focused.equals(name) || focused.startsWith(name + " ")) {
                return;
            }
            seen.append(i == 0 ? "" : " > ").append(focused);
            page.keyboard().press(key);
        }
        fail("%s never reached \"%s\"; focus went: %s", key, name, seen);
    }
}
