package com.infraconsole.cli;

import com.infraconsole.cli.SampleInventory.Ticket;
import com.infraconsole.cli.SamplePlaybooks.Playbook;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes sample playbooks, jobs (with their log lines, in one transaction per job) and tickets
 * with plain SQL on the migrated columns. Each insert first looks for its natural key.
 */
@Component
class SampleRows {

    private static final String SYSTEM = "system";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    SampleRows(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Returns true when the playbook was created, false when one of that name exists. */
    boolean insertPlaybook(Playbook p, long createdBy, Instant now) {
        if (idOf("playbooks", "name", p.name()) != null) {
            return false;
        }
        jdbc.update(
                "INSERT INTO playbooks (name, description, content, created_by, created_at, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                p.name(),
                p.description(),
                p.yaml(),
                createdBy,
                utc(now),
                utc(now),
                SYSTEM);
        return true;
    }

    /**
     * Returns 1 + the number of log lines when the job was created, 0 when its job id exists, -1
     * when its playbook or server is gone.
     */
    int insertJob(SampleJobs.Job job, long operatorId, long adminId, Instant now) {
        if (idOf("jobs", "job_id", job.jobId().toString()) != null) {
            return 0;
        }
        var playbookId = idOf("playbooks", "name", job.playbook().name());
        var serverId = idOf("servers", "hostname", job.host().hostname());
        if (playbookId == null || serverId == null) {
            return -1;
        }
        var created = now.minusSeconds(job.createdSecondsAgo());
        var started = job.status().equals("pending") ? null : created.plusSeconds(job.queueSeconds());
        var ended = started == null || job.status().equals("running") ? null : started.plusSeconds(job.runSeconds());
        return tx.execute(status -> {
            jdbc.update(
                    "INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status, extra_vars, exit_code,"
                            + " error_message, created_at, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    job.jobId().toString(),
                    playbookId,
                    serverId,
                    job.byAdmin() ? adminId : operatorId,
                    job.status(),
                    job.extraVars(),
                    job.exitCode(),
                    job.errorMessage(),
                    utc(created),
                    utc(started),
                    utc(ended));
            var id = idOf("jobs", "job_id", job.jobId().toString());
            var lines = job.lines();
            var batch = new ArrayList<Object[]>();
            for (int n = 0; n < lines.size(); n++) {
                // Lines spread over the run time, each after the one before it.
                var at = started.plusMillis((long) job.runSeconds() * 1000 * (n + 1) / (lines.size() + 1));
                batch.add(new Object[] {id, n + 1, utc(at), lines.get(n)});
            }
            jdbc.batchUpdate(
                    "INSERT INTO job_logs (job_id, line_number, timestamp, content) VALUES (?, ?, ?, ?)", batch);
            return 1 + lines.size();
        });
    }

    /** Returns true when the ticket was created, false when one with that title exists. */
    boolean insertTicket(Ticket t, long operatorId, Long adminId, Instant now) {
        if (idOf("tickets", "title", t.title()) != null) {
            return false;
        }
        Long jobId = null;
        Long serverId = t.hostname() == null ? null : idOf("servers", "hostname", t.hostname());
        var created = now.minusSeconds(t.ageDays() * 86_400L);
        if (t.sampleJob() != null) {
            var job = jdbc.query(
                    "SELECT id, server_id, COALESCE(completed_at, created_at) FROM jobs WHERE job_id = ?",
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDateTime.class)},
                    SampleJobs.jobId(t.sampleJob()).toString());
            if (!job.isEmpty()) {
                jobId = (Long) job.getFirst()[0];
                serverId = serverId != null ? serverId : (Long) job.getFirst()[1];
                // Reported 25 minutes after the run it is about ended (or was queued).
                created = ((LocalDateTime) job.getFirst()[2])
                        .toInstant(ZoneOffset.UTC)
                        .plusSeconds(1500);
            }
        }
        var done = t.status().equals("resolved") || t.status().equals("closed");
        var resolved = done ? min(created.plusSeconds(30 * 3600), now) : null;
        Long assignee = t.priority().equals("critical") && adminId != null
                ? adminId
                : t.status().equals("open") ? null : operatorId;
        jdbc.update(
                "INSERT INTO tickets (title, description, priority, status, created_by, assigned_to, server_id, job_id,"
                        + " created_at, updated_at, resolved_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.title(),
                t.description(),
                t.priority(),
                t.status(),
                operatorId,
                assignee,
                serverId,
                jobId,
                utc(created),
                utc(resolved != null ? resolved : created),
                utc(resolved),
                SYSTEM);
        return true;
    }

    private Long idOf(String table, String column, String value) {
        var ids = jdbc.queryForList("SELECT id FROM " + table + " WHERE " + column + " = ?", Long.class, value);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** DATETIME(6) columns hold UTC; a LocalDateTime in UTC avoids any JVM time zone conversion. */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
