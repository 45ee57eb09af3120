package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class JobLogRetentionTest {

    @Autowired JobSweeper sweeper;
    @Autowired JobFixtures fx;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Autowired DataSource dataSource;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void log_lines_of_jobs_older_than_the_retention_are_removed_and_newer_ones_kept() {
        var user = users.signIn(Role.OPERATOR);
        long old = job(user.getId(), 120);
        long recent = job(user.getId(), 10);

        sweeper.removeOldLogs();

        assertThat(lines(old)).isZero();
        assertThat(lines(recent)).isEqualTo(50);
        assertThat(jdbc.sql("SELECT status FROM jobs WHERE id = ?").param(old).query(String.class).single())
                .as("the job itself stays").isEqualTo("success");
    }

    @Test
    void a_node_finding_the_retention_lock_taken_skips_its_run() throws Exception {
        var user = users.signIn(Role.OPERATOR);
        long old = job(user.getId(), 120);
        // Another node's run in progress: its session holds the lock.
        try (var otherNode = dataSource.getConnection(); var st = otherNode.createStatement()) {
            try (var rs = st.executeQuery("SELECT GET_LOCK('infra_job_log_retention', 0)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }

            sweeper.removeOldLogs();

            assertThat(lines(old)).as("left to the node holding the lock").isEqualTo(50);
        }

        sweeper.removeOldLogs(); // the lock went with the other session

        assertThat(lines(old)).isZero();
    }

    private long job(long userId, int daysAgo) {
        var uuid = UUID.randomUUID().toString();
        var when = Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo)));
        jdbc.sql("INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status, created_at, completed_at)"
                + " VALUES (?, ?, ?, ?, 'success', ?, ?)").params(uuid, fx.tasks("- debug:\n    msg: x"),
                fx.localServer(), userId, when, when).update();
        long id = jdbc.sql("SELECT id FROM jobs WHERE job_id = ?").param(uuid).query(Long.class).single();
        jdbc.sql("INSERT INTO job_logs (job_id, line_number, content) SELECT ?, seq, 'x' FROM seq_1_to_50").param(id).update();
        return id;
    }

    private long lines(long jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM job_logs WHERE job_id = ?").param(jobId).query(Long.class).single();
    }
}
