package com.infraconsole.job;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jobs screens without a browser: who sees which buttons, and what the log grid knows. */
class JobViewsTest extends KaribuTest {

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void auditor_sees_a_job_but_no_launch_or_cancel_buttons() {
        var operator = signInAs(Role.OPERATOR);
        long id = jobRow("pending", 0);
        tearDownVaadin();
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate("jobs");
        assertThat(_find(Button.class, spec -> spec.withText("Launch job")).stream()
                        .filter(Button::isVisible))
                .isEmpty();
        UI.getCurrent().navigate("jobs/" + id);
        assertThat(_get(H2.class).getText()).startsWith("Job #" + id);
        assertThat(_find(Button.class, spec -> spec.withText("Cancel job"))).isEmpty();
    }

    @Test
    void operator_sees_cancel_on_a_pending_job_and_every_line_of_a_long_log() {
        signInAs(Role.OPERATOR);
        long pending = jobRow("pending", 0);
        UI.getCurrent().navigate("jobs/" + pending);
        assertThat(_find(Button.class, spec -> spec.withText("Cancel job"))).hasSize(1);
        jobs.cancel(pending);

        long done = jobRow("success", 5000);
        UI.getCurrent().navigate("jobs/" + done);
        @SuppressWarnings("unchecked")
        Grid<JobLogLine> log = _find(Grid.class).stream()
                .filter(g -> "Job output".equals(g.getElement().getAttribute("aria-label")))
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._size(log)).isEqualTo(5000);
        assertThat(GridKt._get(log, 4999).content()).isEqualTo("line 5000");
    }

    @Test
    void schedules_screen_lists_a_schedule_with_its_next_run_and_offers_new_to_operators() {
        signInAs(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), java.util.List.of(fx.localServer()));
        var name = "weekly-" + System.nanoTime();
        var schedule = ctx.getBean(JobScheduleService.class).create(name, "0 0 4 ? * SUN", "Europe/Paris", request);
        UI.getCurrent().navigate("jobs/schedules");
        assertThat(_find(Button.class, spec -> spec.withText("New schedule"))).hasSize(1);
        Grid<?> grid = _get(Grid.class);
        var row = java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .filter(cells -> cells.getFirst().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(1)).isEqualTo(fx.playbookName(request.playbookId()));
        assertThat(row.get(4)).isNotEqualTo("—");
        ctx.getBean(JobScheduleService.class).disable(schedule.getId());
    }

    @Test
    void job_page_names_the_playbook_version_it_runs_and_links_to_its_history() {
        signInAs(Role.OPERATOR);
        long id = jobRow("success", 0);
        jdbc.sql("UPDATE jobs SET playbook_version = 3 WHERE id = ?").param(id).update();
        long playbook = jdbc.sql("SELECT playbook_id FROM jobs WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        var name = fx.playbookName(playbook);

        UI.getCurrent().navigate("jobs/" + id);

        assertThat(_find(Span.class).stream().map(Span::getText)).contains(name + ", version 3");
        var history = _get(Anchor.class, spec -> spec.withText("history"));
        assertThat(history.getHref()).isEqualTo("playbooks?history=" + playbook);
        UI.getCurrent().navigate("playbooks", QueryParameters.of("history", String.valueOf(playbook)));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("History of " + name);
    }

    @Test
    void the_job_page_masks_secrets_and_vaulted_values_in_the_extra_vars() {
        signInAs(Role.OPERATOR);
        long id = jobRow("success", 0);
        tearDownVaadin();
        signInAs(Role.AUDITOR);
        var secret = "hunter2-" + System.nanoTime();
        jdbc.sql("UPDATE jobs SET extra_vars = ? WHERE id = ?")
                .params(
                        "version: \"1.4\"\ndb:\n  password: " + secret
                                + "\nkey_b: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n",
                        id)
                .update();
        UI.getCurrent().navigate("jobs/" + id);
        var texts = _find(Span.class).stream().map(Span::getText).toList();
        assertThat(texts)
                .noneMatch(t -> t.contains(secret) || t.contains("ANSIBLE_VAULT"))
                .contains("version: \"1.4\"\ndb:\n  password: ***\nkey_b: !vault (encrypted)\n");
    }

    @Test
    void the_schedules_screen_shows_skipped_occurrences_with_the_last_reason() {
        signInAs(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), java.util.List.of(fx.localServer()));
        var name = "skipped-" + System.nanoTime();
        var schedule = ctx.getBean(JobScheduleService.class).create(name, "0 0 3 1 1 ? 2099", "UTC", request);
        ctx.getBean(ScheduleSkips.class).record(schedule.getId(), "Owner ann is deactivated");
        ctx.getBean(ScheduleSkips.class).record(schedule.getId(), "Owner ann is now Auditor");
        UI.getCurrent().navigate("jobs/schedules");
        Grid<?> grid = _get(Grid.class);
        int row = java.util.stream.IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._getFormattedRow(grid, i).getFirst().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._getCellComponent(grid, row, "skipped").getElement().getTextRecursively())
                .contains("2 skipped", "Owner ann is now Auditor");
    }

    @Test
    void add_all_in_environment_says_when_it_stops_at_the_500_servers_a_job_takes() {
        signInAs(Role.OPERATOR);
        var envName = "big-" + System.nanoTime() % 1_000_000;
        jdbc.sql("INSERT INTO environments (name) VALUES (?)").param(envName).update();
        long envId = jdbc.sql("SELECT id FROM environments WHERE name = ?")
                .param(envName)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO servers (hostname, ip_address, environment_id) SELECT CONCAT(?, seq), '10.9.0.1', ?"
                        + " FROM seq_1_to_501")
                .params(envName + "-", envId)
                .update();
        UI.getCurrent().navigate("jobs");
        _click(_get(Button.class, spec -> spec.withText("Launch job")));
        @SuppressWarnings("unchecked")
        Select<Environment> environment = _get(Select.class, spec -> spec.withLabel("Environment"));
        environment.setValue(ctx.getBean(ServerService.class).environments().stream()
                .filter(e -> e.getId() == envId)
                .findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Add all in environment")));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Server> targets = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Target servers"));
        assertThat(targets.getValue()).hasSize(JobService.MAX_TARGETS);
        assertThat(targets.getHelperText()).contains("first 500 of the 501 servers in " + envName);
    }

    /** A job row written directly (not queued), with the given number of log lines. */
    private long jobRow(String status, int lines) {
        long playbook = fx.tasks("- debug:\n    msg: x");
        long server = fx.localServer();
        long user = com.infraconsole.security.CurrentUser.require().id();
        var uuid = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status) VALUES (?, ?, ?, ?, ?)")
                .params(uuid, playbook, server, user, status)
                .update();
        long id = jdbc.sql("SELECT id FROM jobs WHERE job_id = ?")
                .param(uuid)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO job_targets (job_id, position, server_id) VALUES (?, 0, ?)")
                .params(id, server)
                .update();
        if (lines > 0) {
            jdbc.sql(
                            "INSERT INTO job_logs (job_id, line_number, content) SELECT ?, seq, CONCAT('line ', seq) FROM seq_1_to_"
                                    + lines)
                    .param(id)
                    .update();
        }
        return id;
    }
}
