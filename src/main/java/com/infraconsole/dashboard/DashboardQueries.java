package com.infraconsole.dashboard;

import com.infraconsole.dashboard.DashboardSnapshot.DayOutcomes;
import com.infraconsole.dashboard.DashboardSnapshot.EnvironmentServers;
import com.infraconsole.dashboard.DashboardSnapshot.PlaybookFailures;
import com.infraconsole.dashboard.DashboardSnapshot.RecentFailure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over other features' tables (jobs, servers, tickets...), so the dashboard does
 * not depend on their entities. Every job query is a range on an index of V40 (see
 * DashboardBenchmark): the cost follows the rows of the window shown, not the job history.
 * Timestamps are DATETIME in UTC, so instants are passed as UTC LocalDateTime.
 */
@Repository
class DashboardQueries {

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> serversByStatus() {
        return counts("SELECT status, COUNT(*) FROM servers GROUP BY status ORDER BY status");
    }

    /** Pending and running jobs: a range on idx_jobs_status_created. */
    Map<String, Long> activeJobs() {
        return counts("SELECT status, COUNT(*) FROM jobs WHERE status IN ('pending', 'running') GROUP BY status");
    }

    Map<String, Long> openTicketsByPriority() {
        return counts(
                "SELECT priority, COUNT(*) FROM tickets WHERE status IN ('open', 'in_progress') GROUP BY priority");
    }

    /** The per-day rows of the window, and success/failure counts of its last 24 h and 7 days. */
    record Window(List<DayOutcomes> days, long[] last24h, long[] last7d) {}

    /**
     * Jobs completed since {@code from}, per UTC day and outcome, from the covering index
     * idx_jobs_completed_outcome (completed_at, status, started_at). The same single scan also
     * counts the last 24 h and 7 days (conditional sums), so the rates cost no second read.
     */
    Window completedSince(Instant from, Instant since7d, Instant since24h) {
        var rows = jdbc.queryForList("""
                SELECT DATE(completed_at) AS day, status, COUNT(*) AS n, COUNT(started_at) AS timed,
                       COALESCE(SUM(TIMESTAMPDIFF(SECOND, started_at, completed_at)), 0) AS secs,
                       SUM(completed_at >= ?) AS n7d, SUM(completed_at >= ?) AS n24h
                FROM jobs
                WHERE completed_at >= ?
                GROUP BY DATE(completed_at), status
                ORDER BY day""", utc(since7d), utc(since24h), utc(from));
        var days = new LinkedHashMap<LocalDate, long[]>();
        var last24h = new long[2];
        var last7d = new long[2];
        for (var r : rows) {
            var day = ((java.sql.Date) r.get("day")).toLocalDate();
            var acc = days.computeIfAbsent(day, d -> new long[6]);
            long n = ((Number) r.get("n")).longValue();
            var status = (String) r.get("status");
            switch (status) {
                case "success" -> acc[0] += n;
                case "failed" -> acc[1] += n;
                case "timed_out" -> acc[2] += n;
                case "cancelled" -> acc[3] += n;
                default -> {} // a completed_at on a pending/running row is not an outcome
            }
            acc[4] += ((Number) r.get("timed")).longValue();
            acc[5] += ((Number) r.get("secs")).longValue();
            int side = "success".equals(status) ? 0 : "failed".equals(status) || "timed_out".equals(status) ? 1 : -1;
            if (side >= 0) {
                last7d[side] += ((Number) r.get("n7d")).longValue();
                last24h[side] += ((Number) r.get("n24h")).longValue();
            }
        }
        var list = days.entrySet().stream()
                .map(e -> new DayOutcomes(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4],
                        e.getValue()[5]))
                .toList();
        return new Window(list, last24h, last7d);
    }

    /** Playbooks with the most failed or timed-out runs since {@code from} (idx_jobs_status_completed). */
    List<PlaybookFailures> topFailingPlaybooks(Instant from, int limit) {
        return jdbc.query(
                """
                SELECT f.playbook_id, p.name, f.n
                FROM (SELECT playbook_id, COUNT(*) AS n FROM jobs
                      WHERE status IN ('failed', 'timed_out') AND completed_at >= ?
                      GROUP BY playbook_id ORDER BY n DESC LIMIT ?) f
                JOIN playbooks p ON p.id = f.playbook_id
                ORDER BY f.n DESC, p.name""", (rs, i) -> new PlaybookFailures(rs.getLong(1), rs.getString(2), rs.getLong(3)), utc(from), limit);
    }

    List<EnvironmentServers> serversPerEnvironment() {
        return jdbc.query("""
                SELECT e.name, COUNT(s.id) FROM environments e
                LEFT JOIN servers s ON s.environment_id = e.id
                GROUP BY e.id, e.name ORDER BY e.id""", (rs, i) -> new EnvironmentServers(rs.getString(1), rs.getLong(2)));
    }

    /**
     * The newest failures. One LIMIT per status, each read backwards on idx_jobs_status_completed,
     * so that no sort over all failed jobs of the history is needed.
     */
    List<RecentFailure> recentFailures(int limit) {
        return jdbc.query("""
                SELECT j.id, j.status, j.completed_at, p.name, s.hostname, LEFT(j.error_message, 200)
                FROM ((SELECT id, completed_at FROM jobs WHERE status = 'failed' AND completed_at IS NOT NULL
                       ORDER BY completed_at DESC LIMIT ?)
                      UNION ALL
                      (SELECT id, completed_at FROM jobs WHERE status = 'timed_out' AND completed_at IS NOT NULL
                       ORDER BY completed_at DESC LIMIT ?)) f
                JOIN jobs j ON j.id = f.id
                LEFT JOIN playbooks p ON p.id = j.playbook_id
                LEFT JOIN servers s ON s.id = j.server_id
                ORDER BY f.completed_at DESC, j.id DESC
                LIMIT ?""", DashboardQueries::failure, limit, limit, limit);
    }

    private static RecentFailure failure(ResultSet rs, int i) throws SQLException {
        var completed = rs.getObject(3, LocalDateTime.class);
        return new RecentFailure(
                rs.getLong(1),
                rs.getString(2),
                completed == null ? null : completed.toInstant(ZoneOffset.UTC),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6));
    }

    private Map<String, Long> counts(String sql, Object... args) {
        var result = new LinkedHashMap<String, Long>();
        jdbc.query(
                sql,
                rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                },
                args);
        return result;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
