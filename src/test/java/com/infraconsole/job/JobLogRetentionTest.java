package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.MonthlyPartitions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention drops whole months of job_logs (infra.jobs.log-retention-days: 90), on a copy of the
 * table in a schema of its own with lines from January to July 2026.
 */
@IntegrationTest
class JobLogRetentionTest {

    private static final Instant NOW = Instant.parse("2026-07-15T08:00:00Z"); // 90 days back: 16 April
    private static int schemas;

    @Autowired
    JobLogRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void months_that_ended_before_the_retention_are_dropped_whole_and_later_lines_stay() {
        var table = copyWithSevenMonths();
        job(table, 1, "2026-01-10T10:00:00", 50);
        job(table, 2, "2026-02-20T10:00:00", 50);
        job(table, 3, "2026-03-31T23:58:00", 300); // 60 lines in March, 240 after midnight, in April
        job(table, 4, "2026-04-01T00:01:00", 50); // entirely in April
        job(table, 5, "2026-04-20T10:00:00", 50);
        job(table, 6, "2026-07-14T10:00:00", 50);
        assertThat(partitions(table))
                .containsExactly(
                        Map.entry("p202601", 50L),
                        Map.entry("p202602", 50L),
                        Map.entry("p202603", 60L),
                        Map.entry("p202604", 340L),
                        Map.entry("p202605", 0L),
                        Map.entry("p202606", 0L),
                        Map.entry("p202607", 50L),
                        Map.entry("p_future", 0L));

        var dropped = retention.maintain(table, NOW);

        assertThat(dropped)
                .hasValueSatisfying(d -> assertThat(d)
                        .extracting(MonthlyPartitions.Partition::name)
                        .containsExactly("p202601", "p202602", "p202603"));
        // Whole partitions went; the coming months were added ahead; April (ends 1 May, after 16 April) stays.
        assertThat(partitions(table))
                .containsExactly(
                        Map.entry("p202604", 100L),
                        Map.entry("p202605", 0L),
                        Map.entry("p202606", 0L),
                        Map.entry("p202607", 50L),
                        Map.entry("p202608", 0L),
                        Map.entry("p202609", 0L),
                        Map.entry("p_future", 0L));
        assertThat(lines(table, 1)).isZero();
        assertThat(lines(table, 2)).isZero();
        assertThat(lines(table, 3))
                .as("a log that began in a dropped month expires whole")
                .isZero();
        assertThat(lines(table, 4)).isEqualTo(50);
        assertThat(lines(table, 5)).isEqualTo(50);
        assertThat(lines(table, 6)).isEqualTo(50);

        assertThat(retention.maintain(table, NOW)).as("nothing left to do").hasValue(List.of());
    }

    @Test
    void a_node_finding_the_retention_lock_taken_skips_its_run() throws Exception {
        var table = copyWithSevenMonths();
        job(table, 1, "2026-01-10T10:00:00", 50);
        try (Connection otherNode = dataSource.getConnection();
                var st = otherNode.createStatement()) {
            try (var rs = st.executeQuery("SELECT GET_LOCK('infra_job_log_retention:" + table + "', 0)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }

            assertThat(retention.maintain(table, NOW)).isEmpty();

            assertThat(lines(table, 1)).as("left to the node holding the lock").isEqualTo(50);
        }
        // The lock went with the other session.
        assertThat(retention.maintain(table, NOW)).isPresent();
        assertThat(lines(table, 1)).isZero();
    }

    @Test
    void the_live_table_is_partitioned_by_month_ahead_of_time_and_has_no_foreign_key() {
        retention.maintain();

        var thisMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        var month = DateTimeFormatter.ofPattern("'p'yyyyMM");
        assertThat(partitions(JobLogRetention.TABLE).keySet())
                .contains(
                        month.format(thisMonth),
                        month.format(thisMonth.plusMonths(1)),
                        month.format(thisMonth.plusMonths(2)),
                        "p_future");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.referential_constraints"
                                + " WHERE constraint_schema = DATABASE() AND table_name = 'job_logs'",
                        Long.class))
                .isZero();
    }

    /** A copy of job_logs in a schema of its own, with the months of 2026 up to July and p_future. */
    private String copyWithSevenMonths() {
        var schema = "job_log_retention_" + ProcessHandle.current().pid() + "_" + (++schemas);
        TestSchemas.create(schema);
        var table = schema + ".job_logs";
        jdbc.execute("CREATE TABLE " + table + " LIKE job_logs");
        var months = new StringBuilder();
        for (int m = 1; m <= 7; m++) {
            months.append(String.format(
                    "PARTITION p2026%02d VALUES LESS THAN ('%s'), ",
                    m, LocalDate.of(2026, m, 1).plusMonths(1)));
        }
        // Explicit, because LIKE copies whatever months the live table has.
        jdbc.execute("ALTER TABLE " + table + " PARTITION BY RANGE COLUMNS (timestamp) (" + months
                + "PARTITION p_future VALUES LESS THAN (MAXVALUE))");
        return table;
    }

    /** A job's log: one line every two seconds from the start, in one multi-row INSERT. */
    private void job(String table, long jobId, String start, int lines) {
        jdbc.update(
                "INSERT INTO " + table + " (job_id, line_number, timestamp, content) SELECT ?, seq, ? + INTERVAL"
                        + " (seq - 1) * 2 SECOND, CONCAT('line ', seq) FROM seq_1_to_" + lines,
                jobId,
                LocalDateTime.parse(start));
    }

    private long lines(String table, long jobId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE job_id = ?", Long.class, jobId);
    }

    /** Partition names from information_schema.PARTITIONS, oldest first, with their exact row counts. */
    private Map<String, Long> partitions(String table) {
        var parts = table.split("\\.");
        var schema = parts.length == 2 ? "'" + parts[0] + "'" : "DATABASE()";
        var names = jdbc.queryForList(
                "SELECT partition_name FROM information_schema.partitions WHERE table_schema = " + schema
                        + " AND table_name = ? ORDER BY partition_ordinal_position",
                String.class,
                parts[parts.length - 1]);
        var counts = new LinkedHashMap<String, Long>();
        names.forEach(n -> counts.put(
                n, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " PARTITION (" + n + ")", Long.class)));
        return counts;
    }
}
