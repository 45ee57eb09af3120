package db.migration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * job_logs becomes partitioned by month of the line's time, as audit_logs is, by the old guide's
 * copy-and-swap: job_logs_partitioned is created with the new layout, the rows are copied into it in
 * batches of ids (each its own short transaction, so millions of lines never make one giant
 * transaction or undo log), the two tables are swapped by one atomic RENAME TABLE, and job_logs_old
 * is dropped. It runs outside a Flyway transaction; a run that stopped halfway (node killed) leaves
 * job_logs untouched and job_logs_partitioned behind, and the next run (after db-repair) continues
 * from the highest id already copied.
 *
 * <p>What changes: the primary key is (id, timestamp) and the line index (job_id, line_number,
 * timestamp), because a partitioned table needs its partition column in every unique key; the
 * foreign key to jobs goes, because MariaDB and MySQL allow none on a partitioned table (the console
 * never deletes a job; retention drops months). Partitions: one per month from the oldest line's
 * month to two months ahead, and p_future; the maintainer in the console adds the coming months from
 * then on (docs/decisions/060-partitioned-job-logs.md).
 *
 * <p>Self-contained on purpose: a migration must do the same thing forever, whatever the
 * console's own code becomes.
 */
public class V60__Partition_job_logs_by_month extends BaseJavaMigration {

    /** Ids per copy batch: a few MB of log text, a transaction of well under a second. */
    static final int BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(V60__Partition_job_logs_by_month.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final String COLUMNS = "id, job_id, line_number, timestamp, content";

    @Override
    public boolean canExecuteInTransaction() {
        return false; // every batch commits on its own
    }

    @Override
    public void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        if (!jdbc.queryForList(
                        "SELECT 1 FROM information_schema.partitions WHERE table_schema = DATABASE()"
                                + " AND table_name = 'job_logs' AND partition_name IS NOT NULL LIMIT 1",
                        Integer.class)
                .isEmpty()) {
            log.info("job_logs is already partitioned: nothing to do");
            return;
        }
        jdbc.execute(createPartitioned(jdbc));
        long copied = copy(jdbc);
        // Atomic: a writer sees either table under the name job_logs, never none.
        jdbc.execute("RENAME TABLE job_logs TO job_logs_old, job_logs_partitioned TO job_logs");
        // Lines a console node of the previous version wrote after the last batch (none when
        // migrating on start of a single node): new ids, since the new table has moved on.
        int late = jdbc.update(
                "INSERT INTO job_logs (job_id, line_number, timestamp, content)"
                        + " SELECT job_id, line_number, timestamp, content FROM job_logs_old WHERE id > ?",
                copied);
        jdbc.execute("DROP TABLE job_logs_old");
        log.info("job_logs is partitioned by month{}", late > 0 ? " (" + late + " late lines carried over)" : "");
    }

    /** job_logs_partitioned, unless a stopped run left it; its months cover every line there is. */
    private static String createPartitioned(JdbcTemplate jdbc) {
        // The migration cannot be given the console's Clock: the system's, in UTC as the maintainer does.
        var thisMonth = LocalDate.now(Clock.systemUTC()).withDayOfMonth(1);
        var oldest = jdbc.queryForObject("SELECT MIN(timestamp) FROM job_logs", LocalDateTime.class);
        var first = oldest == null || !oldest.toLocalDate().isBefore(thisMonth)
                ? thisMonth
                : oldest.toLocalDate().withDayOfMonth(1);
        var partitions = new StringBuilder();
        for (var month = first; !month.isAfter(thisMonth.plusMonths(2)); month = month.plusMonths(1)) {
            partitions
                    .append("    PARTITION ")
                    .append(NAME.format(month))
                    .append(" VALUES LESS THAN ('")
                    .append(month.plusMonths(1))
                    .append("'),\n");
        }
        return """
                CREATE TABLE IF NOT EXISTS job_logs_partitioned (
                    id          BIGINT      NOT NULL AUTO_INCREMENT,
                    job_id      BIGINT      NOT NULL,
                    line_number INT         NOT NULL,
                    timestamp   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                    content     TEXT        NOT NULL,
                    PRIMARY KEY (id, timestamp),
                    CONSTRAINT uq_job_logs_job_line UNIQUE (job_id, line_number, timestamp)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
                PARTITION BY RANGE COLUMNS (timestamp) (
                """ + partitions + "    PARTITION p_future VALUES LESS THAN (MAXVALUE)\n)";
    }

    /** Copies id ranges in batches until it has caught up; returns the highest id copied. */
    private static long copy(JdbcTemplate jdbc) {
        long from = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM job_logs_partitioned", Long.class);
        if (from > 0) {
            log.info("job_logs_partitioned holds lines up to id {} from a run that stopped: continuing there", from);
        }
        long rows = 0;
        long started = System.nanoTime();
        while (true) {
            long last = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM job_logs", Long.class);
            if (from >= last) {
                log.info(
                        "Copied {} job log lines into job_logs_partitioned in {} ms",
                        rows,
                        (System.nanoTime() - started) / 1_000_000);
                return from;
            }
            for (; from < last; from += BATCH) {
                rows += jdbc.update(
                        "INSERT INTO job_logs_partitioned (" + COLUMNS + ") SELECT " + COLUMNS
                                + " FROM job_logs WHERE id > ? AND id <= ?",
                        from,
                        Math.min(from + BATCH, last));
            }
            from = last;
        }
    }
}
