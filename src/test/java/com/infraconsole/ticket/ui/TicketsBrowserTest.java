package com.infraconsole.ticket.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import com.infraconsole.user.User;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tickets screen's main flow in Chromium: report a ticket, start work on it, comment, resolve. */
class TicketsBrowserTest extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Test
    void operator_reports_a_ticket_works_it_through_the_workflow_and_comments() {
        var operator = testUsers.create(Role.OPERATOR);
        var tag = UUID.randomUUID().toString().substring(0, 4);
        seed(operator, tag);
        var title = "Disk almost full on db-01 [" + tag + "]";

        logIn(operator.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url("")); // login lands on the dashboard
        page.navigate(url("tickets"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New ticket"))
                .click();
        var dialog = page.locator("vaadin-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        assertThat(dialog.getByText("Title is required")).isVisible();
        dialog.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true))
                .fill(title);
        dialog.getByLabel("Description").fill("/var/lib/mysql at 93%, binlogs not purged since Friday");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        assertThat(page.getByText("Created #")).isVisible();
        // A fresh page: under load a closing dialog's overlay can linger and swallow the next click.
        page.navigate(url("tickets"));
        // Other tests leave many tickets: find the new one as a user would, by searching.
        page.getByLabel("Search tickets").fill(title);
        waitForVaadin();

        var row = page.locator("vaadin-grid-cell-content")
                .getByText(title, new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(row).isVisible();
        screenshotTo("tickets.png");
        row.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start work"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")))
                .isVisible();
        // The dialog reopens on the new version; the old one is gone once its close animation ends.
        assertThat(page.locator("vaadin-dialog")).hasCount(1);
        page.getByLabel("New comment").fill("Purged binlogs older than 3 days; 61% used now.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add comment"))
                .click();
        assertThat(page.getByText("Purged binlogs older than 3 days; 61% used now."))
                .isVisible();
        screenshotTo("tickets-detail.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close ticket")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen")))
                .isVisible();
        assertThat(page.locator("vaadin-dialog .muted").first()).containsText("· resolved");
    }

    /** A few tickets in different states, so that the list shows what operators see on a normal day. */
    private void seed(User operator, String tag) {
        TestUsers.signIn(operator);
        try {
            var a = new Ticket(
                    "TLS certificate for api.example.com expires in 9 days [" + tag + "]", TicketPriority.HIGH);
            a.setAssignee(operator);
            a = tickets.save(a);
            tickets.changeStatus(a.getId(), a.getVersion(), TicketStatus.IN_PROGRESS);
            tickets.save(new Ticket("Nightly backup job slow on staging [" + tag + "]", TicketPriority.MEDIUM));
            var c = tickets.save(new Ticket(
                    "Payment API returns 502 behind the load balancer [" + tag + "]", TicketPriority.CRITICAL));
            tickets.addComment(c.getId(), "Upstream keepalive timeout shorter than the LB's; raising it.");
            tickets.save(new Ticket("Rotate the ansible deploy key [" + tag + "]", TicketPriority.LOW));
        } finally {
            TestUsers.signOut();
        }
    }

    /** Into target/screenshots; -Ddocs.screenshots=true also refreshes the one in docs/screenshots. */
    private void screenshotTo(String file) {
        page.waitForTimeout(400); // let dialogs and notifications finish animating
        var shot = screenshot(file.replace(".png", ""));
        if (Boolean.getBoolean("docs.screenshots")) {
            try {
                Files.copy(shot, Path.of("docs", "screenshots", file), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
