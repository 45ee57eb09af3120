package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Real ansible-playbook against localhost (local connection), real database, real Quartz. */
@IntegrationTest
class JobRunIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    JobRunner runner;

    @Autowired
    TestUsers users;

    long server;

    @BeforeEach
    void signIn() {
        users.signIn(Role.OPERATOR);
        server = fx.localServer();
    }

    @AfterEach
    void signOut() {
        runner.useExecutable(null);
        TestUsers.signOut();
    }

    @Test
    void successful_playbook_ends_in_success_with_log_and_recap() {
        var playbook = fx.tasks("- name: say hello\n  debug:\n    msg: \"hello {{ who }}\"");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)).withExtraVars("who: world"));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(job.job().getExitCode()).isZero();
        assertThat(job.job().getStartedAt()).isNotNull();
        assertThat(job.job().getCompletedAt()).isAfterOrEqualTo(job.job().getStartedAt());
        assertThat(fx.log(id)).contains("hello world", "PLAY RECAP").doesNotContain("\u001B[");
        var host = job.targets().getFirst().hostname();
        assertThat(job.recap()).containsKey(host);
        assertThat(job.recap().get(host)).containsEntry("ok", 1).containsEntry("failed", 0);
        assertThat(jobs.logLineCount(id)).isEqualTo(fx.log(id).split("\n", -1).length);
    }

    @Test
    void failing_task_ends_failed_with_exit_code_and_recap() {
        var playbook = fx.tasks("- name: break\n  fail:\n    msg: deliberately broken");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.job().getExitCode()).isEqualTo(2);
        assertThat(job.job().getErrorMessage()).contains("exited with code 2");
        assertThat(fx.log(id)).contains("deliberately broken");
        assertThat(job.recap().values().iterator().next()).containsEntry("failed", 1);
    }

    @Test
    void yaml_syntax_error_fails_with_the_parser_message() {
        var playbook = fx.playbook("- hosts: all\n  tasks:\n    - debug: msg: [unclosed\n");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.job().getExitCode()).isEqualTo(4);
        assertThat(job.job().getErrorMessage()).contains("parser error");
        assertThat(fx.log(id)).containsIgnoringCase("syntax");
    }

    @Test
    void cancel_during_a_long_task_kills_the_process_tree() {
        var marker = "infra-cancel-" + System.nanoTime();
        var playbook = fx.tasks("- name: long\n  shell: sleep 300 && echo " + marker);
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        fx.awaitStatus(id, WAIT, JobStatus.RUNNING);
        JobProcesses.await(marker, true);

        jobs.cancel(id);
        var job = fx.awaitEnd(id, Duration.ofSeconds(10));

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.job().isCancelRequested()).isTrue();
        JobProcesses.await(marker, false);
        assertThat(fx.log(id)).contains("Cancelled");
    }

    @Test
    void a_job_over_its_timeout_is_killed_and_marked_timed_out() {
        var playbook = fx.tasks("- name: long\n  command: sleep 120");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)).withTimeout(3));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(job.job().getErrorMessage()).contains("Timed out after 3 s");
    }

    @Test
    void missing_ansible_playbook_fails_the_job_saying_what_to_install() {
        runner.useExecutable("/nonexistent/bin/ansible-playbook");
        var playbook = fx.tasks("- debug:\n    msg: never");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.job().getErrorMessage())
                .isEqualTo(
                        "ansible-playbook not found: install the Debian package 'ansible' (apt-get install ansible)");
        assertThat(fx.log(id)).contains("apt-get install ansible").doesNotContain("PLAY");
    }

    @Test
    void failed_job_with_ticket_option_opens_a_ticket() {
        var playbook = fx.tasks("- fail:\n    msg: boom");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)).withTicketOnFailure(true));
        assertThat(fx.awaitEnd(id, WAIT).job().getStatus()).isEqualTo(JobStatus.FAILED);
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fx.ticketsFor(id) == 0 && System.nanoTime() < until) {
            JobFixtures.sleep(100);
        }
        assertThat(fx.ticketsFor(id)).isEqualTo(1);
    }

    @Test
    void auditor_cannot_launch_or_cancel() {
        var playbook = fx.tasks("- debug:\n    msg: x");
        users.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> jobs.launch(LaunchRequest.of(playbook, List.of(server))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.cancel(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void invalid_extra_vars_and_missing_targets_are_refused_at_their_fields() {
        var playbook = fx.tasks("- debug:\n    msg: x");
        assertThatThrownBy(
                        () -> jobs.launch(LaunchRequest.of(playbook, List.of()).withExtraVars("a: [1, 2")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("targets", "extraVars"));
        assertThatThrownBy(() ->
                        jobs.launch(LaunchRequest.of(playbook, List.of(server)).withExtraVars("- a\n- b")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("extraVars")).contains("mapping"));
    }
}
