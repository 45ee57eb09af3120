package com.infraconsole.job;

import com.infraconsole.base.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models for the jobs screens: joins with playbooks, servers and users in one query. */
@Component
class JobQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "id",
            "j.id",
            "createdAt",
            "j.created_at",
            "startedAt",
            "j.started_at",
            "completedAt",
            "j.completed_at",
            "status",
            "j.status",
            "playbookName",
            "p.name",
            "username",
            "u.username",
            "firstTarget",
            "s.hostname");
    private static final String FROM = " FROM jobs j JOIN playbooks p ON p.id = j.playbook_id"
            + " JOIN servers s ON s.id = j.server_id JOIN users u ON u.id = j.user_id";

    private final JdbcClient jdbc;
    private final JobRepository jobs;

    JobQueries(JdbcClient jdbc, JobRepository jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    List<JobSummary> list(JobFilter filter, Pageable pageable) {
        var params = new LinkedHashMap<String, Object>();
        var sql = "SELECT j.id, j.job_id, j.status, j.playbook_id, p.name, s.hostname,"
                + " (SELECT COUNT(*) FROM job_targets t WHERE t.job_id = j.id) AS target_count, u.username,"
                + " j.created_at, j.started_at, j.completed_at" + FROM + where(filter, params)
                + orderBy(pageable.getSort())
                + " LIMIT " + pageable.getPageSize() + " OFFSET " + pageable.getOffset();
        return jdbc.sql(sql).params(params).query(JobQueries::summary).list();
    }

    long count(JobFilter filter) {
        var params = new LinkedHashMap<String, Object>();
        return jdbc.sql("SELECT COUNT(*)" + FROM + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    Optional<JobDetails> details(long jobId) {
        return jobs.findById(jobId).map(job -> {
            var names = jdbc.sql("SELECT p.name, u.username FROM jobs j JOIN playbooks p ON p.id = j.playbook_id"
                            + " JOIN users u ON u.id = j.user_id WHERE j.id = ?")
                    .param(jobId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            var targets = jdbc.sql("SELECT s.id, s.hostname, s.ip_address FROM job_targets t JOIN servers s"
                            + " ON s.id = t.server_id WHERE t.job_id = ? ORDER BY t.position")
                    .param(jobId)
                    .query((rs, n) -> new JobDetails.Target(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            "localhost".equalsIgnoreCase(rs.getString(2))
                                    || "127.0.0.1".equals(rs.getString(3))
                                    || "::1".equals(rs.getString(3))))
                    .list();
            return new JobDetails(job, names[0], names[1], targets, PlayRecap.parse(job.getRecap()));
        });
    }

    List<UserRef> users(String text, int offset, int limit) {
        return jdbc.sql(
                        "SELECT id, username FROM users WHERE username LIKE ? ESCAPE '!' ORDER BY username LIMIT ? OFFSET ?")
                .params(Like.containing(text), limit, offset)
                .query((rs, n) -> new UserRef(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private static String where(JobFilter f, Map<String, Object> params) {
        var parts = new ArrayList<String>();
        if (f.status() != null) {
            parts.add("j.status = :status");
            params.put("status", f.status().dbValue());
        }
        if (f.playbookId() != null) {
            parts.add("j.playbook_id = :playbook");
            params.put("playbook", f.playbookId());
        }
        if (f.serverId() != null) {
            parts.add("EXISTS (SELECT 1 FROM job_targets t WHERE t.job_id = j.id AND t.server_id = :server)");
            params.put("server", f.serverId());
        }
        if (f.userId() != null) {
            parts.add("j.user_id = :user");
            params.put("user", f.userId());
        }
        if (f.from() != null) {
            parts.add("j.created_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            parts.add("j.created_at < :to");
            params.put("to", Timestamp.from(f.to()));
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static String orderBy(Sort sort) {
        var parts = new ArrayList<String>();
        for (var order : sort) {
            var column = SORTABLE.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " ASC" : " DESC"));
            }
        }
        parts.add("j.id DESC");
        return " ORDER BY " + String.join(", ", parts);
    }

    private static JobSummary summary(ResultSet rs, int n) throws SQLException {
        return new JobSummary(
                rs.getLong(1),
                rs.getString(2),
                JobStatus.fromDbValue(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                instant(rs, 9),
                instant(rs, 10),
                instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        var ts = rs.getTimestamp(col);
        return ts == null ? null : ts.toInstant();
    }
}
