package com.infraconsole.job;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (its name keeps it out of the default run). Prints figures:
 * ./mvnw test -Dtest=JobLogBenchmark
 */
@IntegrationTest
class JobLogBenchmark {

    private static final int LINES = 200_000;
    private static final int BIG_LOG = 1_000_000;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JobLogStore store;

    @Autowired
    JobService jobs;

    @Autowired
    JobEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void print_job_log_figures() throws Exception {
        var user = users.signIn(Role.OPERATOR);
        long playbook = fx.tasks("- debug:\n    msg: x");
        long server = fx.localServer();
        var lines = new ArrayList<String>(LINES);
        for (int i = 0; i < LINES; i++) {
            lines.add("ok: [web-" + (i % 50) + ".example.com] => (item=" + i
                    + ") => {\"changed\": false, \"msg\": \"step " + i + " done\"}");
        }
        // Warm-up of both paths (JIT, connection pool, buffer pool).
        writer(row(playbook, server, user.getId()), lines.subList(0, 20_000));
        plain(row(playbook, server, user.getId()), lines.subList(0, 20_000));

        long t0 = System.nanoTime();
        writer(row(playbook, server, user.getId()), lines);
        double writerRate = LINES / seconds(t0);
        t0 = System.nanoTime();
        plain(row(playbook, server, user.getId()), lines);
        double plainRate = LINES / seconds(t0);
        System.out.printf(
                "%n[bench] log writer:        %,10.0f lines/s (%d lines, batches of 1000 or 100 ms)%n",
                writerRate, LINES);
        System.out.printf(
                "[bench] plain multi-row:   %,10.0f lines/s (same lines, one INSERT per 1000 rows)%n", plainRate);
        System.out.printf("[bench] writer / plain:    %10.2f%n", writerRate / plainRate);

        latency(playbook, server);
        pages(playbook, server, user.getId(), lines);
        TestUsers.signOut();
    }

    /** Real ansible-playbook: time from the line being read off its stdout to a watcher holding it. */
    private void latency(long ignored, long server) {
        long playbook = fx.playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: step
                      debug:
                        msg: "line {{ item }}"
                      loop: "{{ range(0, 150) | list }}"
                    - command: sleep 0.3
                    - name: again
                      debug:
                        msg: "line {{ item }}"
                      loop: "{{ range(0, 150) | list }}"
                """);
        var delays = new CopyOnWriteArrayList<Long>();
        var seen = new int[] {0};
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        Runnable unwatch = events.watch(id, change -> {
            synchronized (seen) {
                if (change.lineCount() <= seen[0]) {
                    return;
                }
                var now = clock.instant();
                // What a browser does on a change: fetch the new lines.
                for (var line : store.range(id, seen[0] + 1, change.lineCount() - seen[0])) {
                    delays.add(Duration.between(line.timestamp(), now).toMillis());
                }
                seen[0] = change.lineCount();
            }
        });
        fx.awaitEnd(id, Duration.ofSeconds(60));
        unwatch.run();
        var sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf(
                "[bench] line -> watcher:   p50 %d ms, p95 %d ms, max %d ms over %d lines of a real ansible-playbook run%n",
                pct(sorted, 50), pct(sorted, 95), sorted.getLast(), sorted.size());
    }

    private void pages(long playbook, long server, long userId, List<String> lines) {
        long id = row(playbook, server, userId);
        long t0 = System.nanoTime();
        for (int start = 0; start < BIG_LOG; start += LINES) {
            plain(id, lines, start);
        }
        System.out.printf("[bench] filled a %,d-line log in %.1f s%n", BIG_LOG, seconds(t0));
        var first = new ArrayList<Long>();
        var last = new ArrayList<Long>();
        var count = new ArrayList<Long>();
        for (int i = 0; i < 30; i++) {
            first.add(timeMicros(() -> store.range(id, 1, 200)));
            last.add(timeMicros(() -> store.range(id, BIG_LOG - 199, 200)));
            count.add(timeMicros(() -> store.lineCount(id)));
        }
        Collections.sort(first);
        Collections.sort(last);
        Collections.sort(count);
        System.out.printf(
                "[bench] 1M-line log, first page (200 lines): median %.2f ms, max %.2f ms%n",
                pct(first, 50) / 1000.0, first.getLast() / 1000.0);
        System.out.printf(
                "[bench] 1M-line log, last page (200 lines):  median %.2f ms, max %.2f ms%n",
                pct(last, 50) / 1000.0, last.getLast() / 1000.0);
        System.out.printf(
                "[bench] 1M-line log, line count:             median %.2f ms, max %.2f ms%n%n",
                pct(count, 50) / 1000.0, count.getLast() / 1000.0);
    }

    private void writer(long jobId, List<String> lines) {
        try (var w = new JobLogWriter(jobId, 1, store, clock, 1000, Duration.ofMillis(100), n -> {})) {
            lines.forEach(w::append);
        }
    }

    private void plain(long jobId, List<String> lines) {
        plain(jobId, lines, 0);
    }

    /** The reference: one multi-row INSERT per 1000 lines over raw JDBC, nothing else. */
    private void plain(long jobId, List<String> lines, int offset) {
        try (var con = dataSource.getConnection()) {
            var sql = new StringBuilder("INSERT INTO job_logs (job_id, line_number, timestamp, content) VALUES ");
            for (int i = 0; i < 1000; i++) {
                sql.append(i == 0 ? "(?,?,?,?)" : ",(?,?,?,?)");
            }
            try (var ps = con.prepareStatement(sql.toString())) {
                var now = Timestamp.from(Instant.now());
                for (int start = 0; start < lines.size(); start += 1000) {
                    int p = 1;
                    for (int i = start; i < start + 1000; i++) {
                        ps.setLong(p++, jobId);
                        ps.setInt(p++, offset + i + 1);
                        ps.setTimestamp(p++, now);
                        ps.setString(p++, lines.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished job row to hang log lines on. */
    private long row(long playbook, long server, long userId) {
        var uuid = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status) VALUES (?, ?, ?, ?, 'success')")
                .params(uuid, playbook, server, userId)
                .update();
        return jdbc.sql("SELECT id FROM jobs WHERE job_id = ?")
                .param(uuid)
                .query(Long.class)
                .single();
    }

    private static long timeMicros(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1000;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
