package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.base.database.EmbeddedOutage;
import com.infraconsole.security.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database server stops while a job runs, and starts again: the job ends with exactly one
 * final status, and no process of it is left behind.
 */
@IntegrationTest
class DatabaseOutageJobTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    AuditLogProbe audit;

    @BeforeEach
    void signIn() {
        users.signIn(Role.OPERATOR);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_database_restart_during_a_run_ends_it_once_and_leaves_no_process() throws Exception {
        var marker = "infra-outage-" + System.nanoTime();
        long id = jobs.launch(
                LaunchRequest.of(fx.tasks("- shell: sleep 120 && echo " + marker), List.of(fx.localServer())));
        fx.awaitStatus(id, WAIT, JobStatus.RUNNING);
        JobProcesses.await(marker, true);
        long seq = audit.lastSeq();

        // Down for longer than node-lost-after (4 s in tests): the runner must stop the run itself.
        EmbeddedOutage.stopFor(Duration.ofSeconds(8));

        JobProcesses.await(marker, false);
        var job = fx.awaitEnd(id, WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        JobFixtures.sleep(3000); // a second writer (a runner retry, a sweeper) would show up here
        var endings = audit.since(seq, "Job", id).stream()
                .map(r -> r.changes())
                .filter(c -> c != null && c.contains("\"status\""))
                .toList();
        assertThat(endings).as("final status changes").hasSize(1);
        assertThat(fx.awaitEnd(id, WAIT).job().getStatus()).isEqualTo(JobStatus.FAILED);
    }
}
