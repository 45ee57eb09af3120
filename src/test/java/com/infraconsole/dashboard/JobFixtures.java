package com.infraconsole.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for dashboard tests, written with plain SQL: the jobs feature is built in parallel. */
public final class JobFixtures {

    private final JdbcTemplate jdbc;
    public final long userId;
    public final long serverId;

    public JobFixtures(JdbcTemplate jdbc, long userId) {
        this.jdbc = jdbc;
        this.userId = userId;
        var host = "dash-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        jdbc.update(
                "INSERT INTO servers (hostname, ip_address, environment_id, status) VALUES (?, '10.9.9.9', 3, 'maintenance')",
                host);
        this.serverId = jdbc.queryForObject("SELECT id FROM servers WHERE hostname = ?", Long.class, host);
    }

    public long playbook(String name) {
        jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')", name);
        return jdbc.queryForObject("SELECT id FROM playbooks WHERE name = ?", Long.class, name);
    }

    /** A job started {@code seconds} before it completed at {@code completed} (null: still open). */
    public long job(long playbookId, String status, Instant completed, long seconds, String error) {
        var jobId = UUID.randomUUID().toString();
        var created = completed == null ? LocalDateTime.now(ZoneOffset.UTC) : utc(completed.minusSeconds(seconds + 5));
        jdbc.update(
                """
                INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status, error_message, created_at, started_at, completed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                jobId,
                playbookId,
                serverId,
                userId,
                status,
                error,
                created,
                completed == null ? null : utc(completed.minusSeconds(seconds)),
                completed == null ? null : utc(completed));
        return jdbc.queryForObject("SELECT id FROM jobs WHERE job_id = ?", Long.class, jobId);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
