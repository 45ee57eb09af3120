package com.infraconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class DashboardServiceTest {

    @Autowired
    DashboardService service;

    @Autowired
    DashboardQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void snapshot_counts_new_jobs_servers_and_tickets_in_every_figure() {
        var auditor = users.signIn(Role.AUDITOR);
        var before = service.snapshot();
        var fx = new JobFixtures(jdbc, auditor.getId());
        var name = "dash-flaky-" + UUID.randomUUID();
        long pb = fx.playbook(name);
        var now = Instant.now();
        fx.job(pb, "success", now.minus(Duration.ofHours(1)), 60, null);
        fx.job(pb, "success", now.minus(Duration.ofDays(3)), 120, null);
        fx.job(pb, "failed", now.minus(Duration.ofHours(2)), 30, "unreachable");
        fx.job(pb, "timed_out", now.minus(Duration.ofDays(2)), 3600, "timeout");
        long newest = fx.job(pb, "failed", now.minusSeconds(1), 10, "boom <script>");
        fx.job(pb, "running", null, 0, null);
        fx.job(pb, "pending", null, 0, null);
        jdbc.update("INSERT INTO tickets (title, priority, status) VALUES ('dash ticket', 'critical', 'open')");
        jdbc.update("INSERT INTO tickets (title, priority, status) VALUES ('dash closed', 'critical', 'closed')");

        var after = service.snapshot();

        assertThat(after.jobsRunning() - before.jobsRunning()).isEqualTo(1);
        assertThat(after.jobsPending() - before.jobsPending()).isEqualTo(1);
        assertThat(after.failedLast24h() - before.failedLast24h()).isEqualTo(2);
        assertThat(after.last24h().succeeded() - before.last24h().succeeded()).isEqualTo(1);
        assertThat(after.last7d().finished() - before.last7d().finished()).isEqualTo(5);
        assertThat(delta(after.serversByStatus(), before.serversByStatus(), "maintenance"))
                .isEqualTo(1);
        assertThat(delta(after.openTicketsByPriority(), before.openTicketsByPriority(), "critical"))
                .isEqualTo(1);
        assertThat(after.jobsPerDay()).hasSize(DashboardService.DAYS);
        assertThat(after.jobsPerDay().getLast().day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(after.topFailingPlaybooks()).hasSizeLessThanOrEqualTo(5);
        // Other tests' playbooks may fail more often: look at the whole ranking, not the top five.
        assertThat(queries.topFailingPlaybooks(now.minus(Duration.ofDays(29)), 10_000))
                .anySatisfy(p -> {
                    assertThat(p.playbook()).isEqualTo(name);
                    assertThat(p.failures()).isEqualTo(3);
                });
        // Newest first; a test just before may have added a failure in the same second.
        assertThat(after.recentFailures())
                .extracting(DashboardSnapshot.RecentFailure::completedAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(after.recentFailures()).anySatisfy(f -> {
            assertThat(f.jobId()).isEqualTo(newest);
            assertThat(f.playbook()).isEqualTo(name);
            assertThat(f.error()).isEqualTo("boom <script>");
        });
        assertThat(after.serversPerEnvironment())
                .extracting(DashboardSnapshot.EnvironmentServers::environment)
                .contains("development", "staging", "production");
    }

    @Test
    void a_day_average_duration_covers_only_runs_that_started() {
        var d = new DashboardSnapshot.DayOutcomes(LocalDate.now(), 2, 1, 0, 0, 2, 90);
        assertThat(d.averageSeconds()).isEqualTo(45.0);
        assertThat(new DashboardSnapshot.DayOutcomes(LocalDate.now(), 0, 0, 0, 1, 0, 0).averageSeconds())
                .isNull();
    }

    /**
     * The dashboard must not scan the job history: V40's indexes serve each job query (chosen on a
     * big table, see DashboardBenchmark; a small test table may still be read whole).
     */
    @Test
    void dashboard_job_queries_run_on_indexes() {
        var from = "'2026-01-01 00:00:00'";
        assertThat(keys("SELECT DATE(completed_at), status, COUNT(*), COUNT(started_at), "
                        + "SUM(TIMESTAMPDIFF(SECOND, started_at, completed_at)) FROM jobs WHERE completed_at >= " + from
                        + " GROUP BY DATE(completed_at), status"))
                .contains("idx_jobs_completed_outcome");
        assertThat(keys("SELECT playbook_id, COUNT(*) FROM jobs "
                        + "WHERE status IN ('failed','timed_out') AND completed_at >= " + from
                        + " GROUP BY playbook_id"))
                .contains("idx_jobs_status_completed");
        assertThat(keys("SELECT id FROM jobs WHERE status = 'failed' AND completed_at IS NOT NULL "
                        + "ORDER BY completed_at DESC LIMIT 10"))
                .contains("idx_jobs_status_completed");
    }

    private String keys(String sql) {
        return jdbc.queryForList("EXPLAIN " + sql).stream()
                .map(r -> r.get("key") + "," + r.get("possible_keys"))
                .collect(java.util.stream.Collectors.joining(";"));
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }
}
