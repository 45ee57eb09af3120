package com.infraconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.infraconsole.BrowserTest;
import com.infraconsole.TestUsers;
import com.infraconsole.dashboard.JobFixtures;
import com.infraconsole.security.Role;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on every screen as an admin, with rows in every state a
 * badge can show, and fails on any serious or critical finding. Prints the findings per screen.
 */
class AccessibilityBrowserTest extends BrowserTest {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /** Screens whose colours changed for contrast: their screenshots are looked at by a person. */
    private static final Set<String> SHOWN = Set.of("dashboard", "servers", "jobs", "tickets", "audit", "users");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketService tickets;

    @Test
    void no_screen_has_a_serious_or_critical_axe_finding() {
        var admin = testUsers.create(Role.ADMIN);
        long failedJob = seed(admin);
        var findings = new LinkedHashMap<String, List<Rule>>();

        page.navigate(url("login"));
        waitForVaadin();
        findings.put("login", axe());

        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        // Every @Route of the console; jobs/:id is the live page of a failed job with its output.
        for (var route : List.of(
                "",
                "servers",
                "environments",
                "playbooks",
                "jobs",
                "jobs/" + failedJob,
                "jobs/schedules",
                "tickets",
                "audit",
                "users",
                "admin/database",
                "profile",
                "change-password")) {
            page.navigate(url(route));
            settle();
            var screen = route.isEmpty() ? "dashboard" : route;
            findings.put(screen, axe());
            if (SHOWN.contains(screen)) {
                screenshot("a11y-" + screen.replace('/', '-'));
            }
        }

        var blocking = new ArrayList<String>();
        System.out.println("axe-core findings per screen (impact: count of rules):");
        findings.forEach((screen, rules) -> {
            var byImpact = rules.stream().collect(Collectors.groupingBy(Rule::getImpact, Collectors.counting()));
            System.out.printf("  %-16s %s%n", screen, byImpact.isEmpty() ? "none" : byImpact);
            rules.stream()
                    .filter(r -> BLOCKING.contains(r.getImpact()))
                    .forEach(r ->
                            blocking.add(screen + ": " + r.getImpact() + " " + r.getId() + " (" + r.getHelp() + ") on "
                                    + r.getNodes().stream()
                                            .limit(5)
                                            .map(n -> n.getTarget() + " " + n.getFailureSummary())
                                            .collect(Collectors.joining(" | "))));
        });
        assertThat(blocking).as("serious or critical axe-core findings").isEmpty();
    }

    /** Waits until the view and its grids' first rows have arrived. */
    private void settle() {
        waitForVaadin();
        page.waitForTimeout(500); // a grid asks for its rows in a second round trip
        waitForVaadin();
        page.waitForFunction(
                "() => [...document.querySelectorAll('vaadin-grid')].every(g => !g.hasAttribute('loading'))");
    }

    /**
     * axe in "legacy mode": it runs in the page itself. The default mode collects partial results per
     * frame, then opens a second, blank page, injects axe there again and merges the results in it:
     * work that only cross-origin iframes need. The console has no iframes, and this checks that.
     */
    private List<Rule> axe() {
        assertThat(page.frames()).as("frames on " + page.url()).hasSize(1);
        return new AxeBuilder(page).withTags(WCAG).setLegacyMode(true).analyze().getViolations();
    }

    /** Jobs in every status, a ticket in every state a badge shows; returns a failed job with output. */
    private long seed(User admin) {
        var fx = new JobFixtures(jdbc, admin.getId());
        var playbook = fx.playbook("a11y-" + UUID.randomUUID().toString().substring(0, 8));
        var now = Instant.now();
        fx.job(playbook, "success", now.minusSeconds(600), 40, null);
        fx.job(playbook, "cancelled", now.minusSeconds(500), 10, null);
        fx.job(playbook, "timed_out", now.minusSeconds(400), 300, "Timed out after 300 s");
        fx.job(playbook, "running", null, 0, null);
        fx.job(playbook, "pending", null, 0, null);
        long failed = fx.job(playbook, "failed", now.minusSeconds(60), 12, "ansible-playbook exited with 2");
        var lines = List.of(
                "PLAY [all] ****",
                "TASK [Gathering Facts] ****",
                "ok: [db-01]",
                "fatal: [db-01]: FAILED! => {\"msg\": \"unreachable\"}",
                "changed: [web-01]",
                "PLAY RECAP ****");
        for (int i = 0; i < lines.size(); i++) {
            jdbc.update(
                    "INSERT INTO job_logs (job_id, line_number, content) VALUES (?, ?, ?)",
                    failed,
                    i + 1,
                    lines.get(i));
        }
        jdbc.update(
                "UPDATE users SET is_active = FALSE WHERE id = ?",
                testUsers.create(Role.AUDITOR).getId());
        jdbc.update(
                "UPDATE users SET locked_until = ? WHERE id = ?",
                now.plusSeconds(3600).toString().replace("T", " ").replace("Z", ""),
                testUsers.create(Role.OPERATOR).getId());
        TestUsers.signIn(admin);
        try {
            for (var priority : TicketPriority.values()) {
                tickets.save(new Ticket("a11y " + priority + " ticket", priority));
            }
        } finally {
            TestUsers.signOut();
        }
        return failed;
    }
}
