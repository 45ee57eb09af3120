package com.infraconsole.dashboard.ui;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.dashboard.DashboardService;
import com.infraconsole.security.Role;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the dashboard at 1,000,000 jobs. Its name does not match Surefire's test
 * patterns, so it runs only on demand: {@code ./mvnw test -Dtest=DashboardBenchmark}.
 * Bulk-creates the jobs with INSERT ... SELECT over a generated digit sequence (cross joins:
 * MariaDB and MySQL 8 alike), 365 days of history, then times the whole dashboard: the
 * service's snapshot plus building its tiles and SVG charts. Target: at most 200 ms.
 */
@IntegrationTest
@Tag("benchmark")
class DashboardBenchmark {

    private static final int JOBS = 1_000_000;
    private static final int CHUNK = 100_000;
    private static final String DIGITS =
            "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL "
                    + "SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    @Autowired
    DashboardService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @Test
    void dashboard_on_a_million_jobs() {
        var user = users.signIn(Role.OPERATOR);
        long userId = user.getId();
        var run = "bench" + System.nanoTime() % 100000;
        for (int i = 0; i < 10; i++) {
            jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')", run + "-playbook-" + i);
        }
        for (int i = 0; i < 20; i++) {
            jdbc.update(
                    "INSERT INTO servers (hostname, ip_address, environment_id, status) VALUES (?, '10.0.0.1', ?, 'active')",
                    run + "-host-" + i + ".example.test",
                    1 + i % 3);
        }
        long firstPlaybook =
                jdbc.queryForObject("SELECT MIN(id) FROM playbooks WHERE name LIKE ?", Long.class, run + "-%");
        long firstServer =
                jdbc.queryForObject("SELECT MIN(id) FROM servers WHERE hostname LIKE ?", Long.class, run + "-%");

        long t0 = System.nanoTime();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (var s = c.createStatement()) {
                s.execute("SET foreign_key_checks = 0, unique_checks = 0");
                for (int offset = 0; offset < JOBS; offset += CHUNK) {
                    s.executeUpdate(insert(run, offset, firstPlaybook, firstServer, userId));
                }
                s.execute("SET foreign_key_checks = 1, unique_checks = 1");
            }
            return null;
        });
        jdbc.execute("ANALYZE TABLE jobs");
        System.out.printf(
                "%n[benchmark] inserted %,d jobs in %.1f s (total jobs now %,d)%n",
                JOBS, (System.nanoTime() - t0) / 1e9, jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Long.class));

        for (int i = 0; i < 3; i++) {
            build(); // warm-up: JIT, buffer pool
        }
        var millis = new double[15];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            build();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "[benchmark] whole dashboard on %,d jobs: median %.1f ms, min %.1f ms, max %.1f ms (%d runs; target <= 200 ms)%n",
                JOBS, millis[millis.length / 2], millis[0], millis[millis.length - 1], millis.length);
        explain(
                "per day, durations, 24 h and 7 d rates",
                "SELECT DATE(completed_at), status, COUNT(*), COUNT(started_at), "
                        + "SUM(TIMESTAMPDIFF(SECOND, started_at, completed_at)), SUM(completed_at >= NOW() - INTERVAL 7 DAY) FROM jobs WHERE completed_at >= NOW() - INTERVAL 30 DAY "
                        + "GROUP BY DATE(completed_at), status");
        explain(
                "top failing",
                "SELECT playbook_id, COUNT(*) n FROM jobs WHERE status IN ('failed','timed_out') "
                        + "AND completed_at >= NOW() - INTERVAL 30 DAY GROUP BY playbook_id ORDER BY n DESC LIMIT 5");
        explain(
                "recent failures",
                "SELECT id FROM jobs WHERE status = 'failed' AND completed_at IS NOT NULL "
                        + "ORDER BY completed_at DESC LIMIT 10");
        explain(
                "active jobs",
                "SELECT status, COUNT(*) FROM jobs WHERE status IN ('pending','running') GROUP BY status");
        TestUsers.signOut();
    }

    private void build() {
        var snapshot = service.snapshot();
        DashboardTiles.tiles(snapshot);
        DashboardCharts.panels(snapshot);
    }

    /**
     * Rows offset..offset+CHUNK-1 of the million: one job a ~31.5 s apart over 365 days, 2 % failed,
     * 1 % timed out, 1.6 % cancelled, the newest 20 still pending or running.
     */
    private static String insert(String run, int offset, long playbook, long server, long user) {
        var n = "(" + offset + " + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d)";
        var age = "INTERVAL " + n + " * 31536 / 1000 SECOND";
        return "INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status, created_at, started_at, completed_at) "
                + "SELECT CONCAT('" + run + "-', " + n + "), " + playbook + " + " + n + " % 10, " + server + " + " + n
                + " % 20, "
                + user + ", "
                + "CASE WHEN " + n + " < 10 THEN 'running' WHEN " + n + " < 20 THEN 'pending' WHEN " + n
                + " % 50 = 0 THEN 'failed' "
                + "WHEN " + n + " % 97 = 0 THEN 'timed_out' WHEN " + n
                + " % 61 = 0 THEN 'cancelled' ELSE 'success' END, "
                + "UTC_TIMESTAMP(6) - " + age + " - INTERVAL 90 SECOND, "
                + "UTC_TIMESTAMP(6) - " + age + " - INTERVAL (30 + " + n + " % 240) SECOND, "
                + "CASE WHEN " + n + " < 20 THEN NULL ELSE UTC_TIMESTAMP(6) - " + age + " END "
                + "FROM " + DIGITS + " a CROSS JOIN " + DIGITS + " b CROSS JOIN " + DIGITS + " c CROSS JOIN "
                + DIGITS + " e CROSS JOIN " + DIGITS + " f";
    }

    private void explain(String what, String sql) {
        var plan = jdbc.queryForList("EXPLAIN " + sql).stream()
                .map(r -> "key=" + r.get("key") + " rows=" + r.get("rows") + " extra=" + r.get("Extra"))
                .toList();
        System.out.println("[benchmark] EXPLAIN " + what + ": " + plan);
    }
}
