package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The log writer against the real job_logs table. */
@IntegrationTest
class JobLogWriterTest {

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JobService jobs;

    @Autowired
    JobLogStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    Clock clock;

    @AfterEach
    void restart() throws Exception {
        scheduler.start();
        TestUsers.signOut();
    }

    @Test
    void a_line_the_database_refuses_loses_only_itself_and_the_log_says_so() throws Exception {
        long jobId = pendingJob();
        // 70,000 bytes: more than job_logs.content (TEXT) holds, so the whole multi-row INSERT fails.
        try (var w = new JobLogWriter(jobId, 1, store, clock, 1000, Duration.ofSeconds(5), n -> {})) {
            w.append("first");
            w.append("z".repeat(70_000));
            w.append("third");
        }

        var rows = jdbc.sql("SELECT line_number, content FROM job_logs WHERE job_id = ? ORDER BY line_number")
                .param(jobId)
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2))
                .list();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("1:first");
        assertThat(rows.get(1)).isEqualTo("3:third");
        assertThat(rows.get(2)).startsWith("4:[console] 1 output line(s) could not be stored: ");
    }

    @Test
    void batches_are_bounded_in_bytes_and_every_line_arrives() throws Exception {
        long jobId = pendingJob();
        var flushes = new java.util.concurrent.atomic.AtomicInteger();
        var line = "w".repeat(16_000);
        int count = 400; // 6.4 MB of text (19 MB counted as UTF-8 upper bound): many batches, not one INSERT
        try (var w =
                new JobLogWriter(jobId, 1, store, clock, 1000, Duration.ofSeconds(5), n -> flushes.incrementAndGet())) {
            for (int i = 0; i < count; i++) {
                w.append(line);
            }
        }
        assertThat(store.lineCount(jobId)).isEqualTo(count);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_logs WHERE job_id = ?")
                        .param(jobId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(count);
        assertThat(flushes.get()).isGreaterThanOrEqualTo(count * 16_000 * 3 / JobLogWriter.MAX_BATCH_BYTES);
    }

    /** A job row to hang log lines on; it never runs (Quartz is held). */
    private long pendingJob() throws Exception {
        users.signIn(Role.OPERATOR);
        scheduler.standby();
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), List.of(fx.localServer())));
        jobs.cancel(id);
        return id;
    }
}
