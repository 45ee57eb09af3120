package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The runner survives its own failures: a database that refuses or hangs during a run, output it
 * cannot digest, a claim that never happened. Real ansible-playbook, real MariaDB, real Quartz.
 */
@IntegrationTest
class JobRunnerResilienceTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    JobSweeper sweeper;

    @Autowired
    JobDispatcher dispatcher;

    @Autowired
    Scheduler scheduler;

    long server;

    @BeforeEach
    void signIn() {
        users.signIn(Role.OPERATOR);
        server = fx.localServer();
    }

    @AfterEach
    void signOut() throws Exception {
        scheduler.start();
        TestUsers.signOut();
    }

    @Test
    void a_database_that_refuses_heartbeats_stops_the_process_tree_and_the_end_is_recorded_once_it_is_back() {
        var marker = "infra-db-refuses-" + System.nanoTime();
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- shell: sleep 300 && echo " + marker), List.of(server)));
        fx.awaitStatus(id, WAIT, JobStatus.RUNNING);
        JobProcesses.await(marker, true);
        long seq = audit.lastSeq();

        // A real fault: every statement on jobs fails until the table is back (heartbeat, finish, sweeper).
        jdbc.sql("RENAME TABLE jobs TO jobs_away").update();
        try {
            // node-lost-after is 4 s in tests: the runner stops the tree itself while the database still refuses,
            // then keeps trying to store the end.
            JobProcesses.await(marker, false);
            JobFixtures.sleep(2000);
        } finally {
            jdbc.sql("RENAME TABLE jobs_away TO jobs").update();
        }

        var job = fx.awaitEnd(id, WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.job().getErrorMessage())
                .satisfiesAnyOf(
                        m -> assertThat(m).startsWith("Stopped: no heartbeat reached the database"),
                        m -> assertThat(m).startsWith("Node lost"));
        assertThat(finalStatusChanges(id, seq)).as("audited status changes").hasSize(1);
        JobFixtures.sleep(3000); // a late second writer (runner retry or sweeper) would show up here
        assertThat(finalStatusChanges(id, seq)).hasSize(1);
        assertThat(fx.awaitEnd(id, WAIT).job().getStatus()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void a_database_that_hangs_stops_the_process_tree_and_the_end_is_recorded_once_it_answers() throws Exception {
        var marker = "infra-db-hangs-" + System.nanoTime();
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- shell: sleep 300 && echo " + marker), List.of(server)));
        fx.awaitStatus(id, WAIT, JobStatus.RUNNING);
        JobProcesses.await(marker, true);
        long seq = audit.lastSeq();

        // A real fault: the database server is frozen (SIGSTOP), every query waits.
        var db = JobProcesses.embeddedDatabase();
        JobProcesses.signal(db, "STOP");
        try {
            JobProcesses.await(marker, false);
            JobFixtures.sleep(1000);
        } finally {
            JobProcesses.signal(db, "CONT");
        }

        var job = fx.awaitEnd(id, WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(finalStatusChanges(id, seq)).hasSize(1);
    }

    @Test
    void a_one_megabyte_line_is_stored_truncated_with_a_marker_and_the_lines_around_it_are_kept() {
        var playbook = fx.tasks("""
                - debug:
                    msg: line-before
                - debug:
                    msg: "{{ 'x' * 1048576 }}"
                - debug:
                    msg: line-after
                """);
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        var lines = jdbc.sql("SELECT content FROM job_logs WHERE job_id = ? ORDER BY line_number")
                .param(id)
                .query(String.class)
                .list();
        var truncated = lines.stream()
                .filter(l -> l.contains("[console] line truncated:"))
                .toList();
        assertThat(truncated).hasSize(1);
        // 16 KB kept of the 1 MB + 11 bytes line ('    "msg": "' before, '"' after).
        assertThat(truncated.getFirst())
                .startsWith("    \"msg\": \"xxxx")
                .endsWith(" [console] line truncated: " + (1_048_576 + 12 + 1 - OutputLines.MAX_LINE_BYTES)
                        + " bytes dropped");
        assertThat(truncated.getFirst().getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(OutputLines.MAX_LINE_BYTES + 64);
        var log = String.join("\n", lines);
        assertThat(log).contains("line-before", "line-after", "PLAY RECAP");
        assertThat(job.recap().get(job.targets().getFirst().hostname())).containsEntry("ok", 3);
        var numbers = jdbc.sql("SELECT line_number FROM job_logs WHERE job_id = ? ORDER BY line_number")
                .param(id)
                .query(Integer.class)
                .list();
        assertThat(numbers.getLast()).as("no line lost").isEqualTo(numbers.size());
    }

    @Test
    void a_recap_line_with_a_thirty_digit_number_does_not_stop_the_reader() {
        var big = "123456789012345678901234567890";
        // A task name is printed as it is: its lines reach the reader raw, like a recap.
        var playbook = fx.tasks("- name: \"x\\nPLAY RECAP\\nevil : ok=" + big + " failed=0\\ny\"\n"
                + "  debug:\n    msg: first\n- debug:\n    msg: still-reading");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fx.log(id)).contains("evil : ok=" + big, "still-reading", "PLAY RECAP ***");
        var host = job.targets().getFirst().hostname();
        assertThat(job.recap().get(host)).containsEntry("ok", 2).containsEntry("failed", 0);
    }

    @Test
    void a_pending_job_that_lost_its_trigger_is_queued_again_by_the_sweeper() throws Exception {
        scheduler.standby(); // nothing fires: the job stays pending
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: requeued-and-ran"), List.of(server)));
        assertThat(dispatcher.isQueued(id)).isTrue();
        dispatcher.remove(id); // what a fired trigger whose claim failed leaves behind
        assertThat(dispatcher.isQueued(id)).isFalse();

        sweeper.requeueStranded(Duration.ZERO);
        assertThat(dispatcher.isQueued(id)).isTrue();
        scheduler.start();

        var job = fx.awaitEnd(id, WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fx.log(id)).contains("requeued-and-ran");
    }

    @Test
    void a_pending_job_without_trigger_for_too_long_is_failed_and_one_with_a_trigger_is_left_alone() throws Exception {
        scheduler.standby();
        long stranded = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: never"), List.of(server)));
        long waiting = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: later"), List.of(server)));
        dispatcher.remove(stranded);
        jdbc.sql("UPDATE jobs SET created_at = created_at - INTERVAL 2 HOUR WHERE id IN (?, ?)")
                .params(stranded, waiting)
                .update();

        sweeper.requeueStranded(Duration.ZERO);

        var failed = fx.awaitEnd(stranded, WAIT);
        assertThat(failed.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.job().getErrorMessage()).startsWith("Could not be started");
        assertThat(dispatcher.isQueued(waiting)).isTrue();
        scheduler.start();
        assertThat(fx.awaitEnd(waiting, WAIT).job().getStatus()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void a_job_runs_the_playbook_version_it_was_launched_with_even_if_edited_while_pending() throws Exception {
        scheduler.standby();
        long playbook = fx.tasks("- debug:\n    msg: content-of-version-1");
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        fx.editPlaybook(playbook, fx.tasksYaml("- debug:\n    msg: content-of-version-2"));
        scheduler.start();

        var job = fx.awaitEnd(id, WAIT);

        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(job.job().getPlaybookVersion()).isEqualTo(1);
        assertThat(fx.log(id)).contains("content-of-version-1", ", version 1").doesNotContain("content-of-version-2");
        long next = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        var second = fx.awaitEnd(next, WAIT);
        assertThat(second.job().getPlaybookVersion()).isEqualTo(2);
        assertThat(fx.log(next)).contains("content-of-version-2");
    }

    private List<String> finalStatusChanges(long jobId, long seq) {
        return audit.since(seq, "Job", jobId).stream()
                .map(r -> r.changes())
                .filter(c -> c != null && c.contains("\"status\""))
                .toList();
    }
}
