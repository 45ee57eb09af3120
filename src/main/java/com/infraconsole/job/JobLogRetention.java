package com.infraconsole.job;

import com.infraconsole.base.database.MonthlyPartitions;
import com.infraconsole.base.database.MonthlyPartitions.Partition;
import com.infraconsole.base.database.OwnerAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps job_logs partitioned by month (the maintainer audit_logs uses) and expires old output by
 * dropping whole months: a month goes once it ended {@code infra.jobs.log-retention-days} ago, so a
 * line is kept at least that long and at most a month more. Daily, on one node.
 *
 * <p>A log expires whole, with the first month that holds any of it: a job that ran across the end
 * of a month being dropped loses its lines after that end too (a short DELETE, of the few jobs that
 * were running at midnight on the 1st), so nobody reads a log whose beginning is missing. Those
 * jobs are found in the next month's partition as the ones whose lowest line number there is not 1.
 * See docs/decisions/060-partitioned-job-logs.md.
 */
@Component
class JobLogRetention {

    static final String TABLE = "job_logs";
    private static final Logger log = LoggerFactory.getLogger(JobLogRetention.class);
    private static final int DELETE_CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate ddl;
    private final Clock clock;
    private final JobProperties props;
    private final Duration lockWait;
    private final boolean commandLine;

    JobLogRetention(
            JdbcTemplate jdbc,
            OwnerAccount owner,
            Clock clock,
            JobProperties props,
            @Value("${infra.jobs.retention-lock-wait:PT5S}") Duration lockWait,
            @Value("${infra.cli.command:}") String cliCommand) {
        this.jdbc = jdbc;
        // Partition DDL as the schema's owner when there is one: a DML-only console account cannot.
        this.ddl = owner.separate() ? owner.jdbc() : jdbc;
        this.clock = clock;
        this.props = props;
        this.lockWait = lockWait;
        this.commandLine = !cliCommand.isBlank();
    }

    /** Daily: the months ahead are created even when logs are kept forever. */
    @Scheduled(cron = "${infra.jobs.retention-cron:0 30 3 * * *}")
    void maintain() {
        if (commandLine) {
            return;
        }
        try {
            var dropped = maintain(TABLE, clock.instant());
            if (dropped.isEmpty()) {
                log.info("Job log retention skipped: another node is running it");
            }
        } catch (RuntimeException e) {
            // A DDL that timed out behind a reader (a long download), or a missing privilege: tomorrow's run catches
            // up.
            log.warn("Job log partition maintenance did not complete: {}", e.getMessage());
        }
    }

    /** @return the months dropped, or empty when another node holds the lock and this run did nothing */
    Optional<List<Partition>> maintain(String table, Instant now) {
        var days = props.logRetentionDays();
        var dropBefore = days <= 0 ? null : LocalDate.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
        var dropped = monthly(table)
                .maintain(ddl, now, dropBefore, (session, month, next) -> expireWhole(session, table, month, next));
        dropped.filter(d -> !d.isEmpty())
                .ifPresent(d -> log.info(
                        "Job log months {} dropped (retention {} days)",
                        d.stream().map(Partition::name).toList(),
                        days));
        return dropped;
    }

    List<Partition> partitions(String table) {
        return monthly(table).partitions(jdbc);
    }

    private MonthlyPartitions monthly(String table) {
        return new MonthlyPartitions(table, "infra_job_log_retention:" + table, lockWait);
    }

    /** Deletes the lines after the month's end of every job that also has lines in the month. */
    private static void expireWhole(JdbcTemplate session, String table, Partition month, Partition next) {
        var end = month.upperBound().atTime(LocalTime.MIDNIGHT);
        // Per job of the next month, its lowest line number there: read from the (job_id, line_number) index.
        var continued = session.queryForList(
                "SELECT job_id FROM " + table + " PARTITION (" + next.name() + ")"
                        + " GROUP BY job_id HAVING MIN(line_number) > 1",
                Long.class);
        for (var jobId : continued) {
            if (session.queryForList(
                            "SELECT 1 FROM " + table + " WHERE job_id = ? AND timestamp < ? LIMIT 1",
                            Integer.class,
                            jobId,
                            end)
                    .isEmpty()) {
                continue; // its first lines were never stored, not older
            }
            int n;
            do {
                n = session.update(
                        "DELETE FROM " + table + " WHERE job_id = ? AND timestamp >= ? LIMIT " + DELETE_CHUNK,
                        jobId,
                        end);
            } while (n == DELETE_CHUNK);
            log.info("Job {} ran past the end of {}: its log expires whole, with that month", jobId, month.name());
        }
    }
}
