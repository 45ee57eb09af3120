package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V60's copy-and-swap on a schema of its own, migrated to V53 and filled the way the old
 * platform's job_logs would be: 200,000 lines of 400 jobs over eight months.
 */
@IntegrationTest
class JobLogPartitionMigrationTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'p'yyyyMM");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_existing_job_logs_is_copied_in_batches_into_monthly_partitions_and_swapped_with_every_line_identical() {
        var schema = schema("a");
        try {
            flyway(schema, "53").migrate();
            fill(schema, 400, 500);
            var before = fingerprint(schema);
            assertThat(before.get("n")).isEqualTo(200_000L);

            long started = System.nanoTime();
            flyway(schema, "60").migrate();
            var took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("V60 partitioned %,d job log lines in %d ms%n", before.get("n"), took.toMillis());

            assertThat(fingerprint(schema))
                    .as("count and content of every line")
                    .isEqualTo(before);
            var thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
            var expected = new ArrayList<String>();
            for (var m = LocalDate.of(2026, 1, 1); !m.isAfter(thisMonth.plusMonths(2)); m = m.plusMonths(1)) {
                expected.add(MONTH.format(m));
            }
            expected.add("p_future");
            assertThat(partitionNames(schema)).containsExactlyElementsOf(expected);
            // Each line sits in the month of its time: March's lines are exactly those of p202603.
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".job_logs PARTITION (p202603)"))
                    .isEqualTo(count("SELECT COUNT(*) FROM " + schema
                            + ".job_logs WHERE timestamp >= '2026-03-01' AND timestamp < '2026-04-01'"))
                    .isPositive();
            assertThat(count(
                            "SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = '"
                                    + schema + "' AND table_name = 'job_logs'"))
                    .as("no foreign key on a partitioned table")
                    .isZero();
            assertThat(jdbc.queryForList(
                            "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = ?"
                                    + " AND table_name = 'job_logs' AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
                            String.class,
                            schema))
                    .containsExactly("id", "timestamp");
            assertThat(jdbc.queryForList(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                                    + " AND table_name LIKE 'job\\_logs%'",
                            String.class, schema))
                    .containsExactly("job_logs");
            long maxId = count("SELECT MAX(id) FROM " + schema + ".job_logs");
            jdbc.update("INSERT INTO " + schema + ".job_logs (job_id, line_number, content) VALUES (1, 501, 'after')");
            assertThat(count("SELECT id FROM " + schema + ".job_logs WHERE line_number = 501"))
                    .isGreaterThan(maxId);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void a_run_that_stopped_halfway_is_continued_from_the_last_id_it_copied() {
        var schema = schema("b");
        try {
            flyway(schema, "53").migrate();
            fill(schema, 40, 500);
            var before = fingerprint(schema);
            // What a killed run leaves: the new table with the first batches in it, job_logs untouched.
            jdbc.execute("CREATE TABLE " + schema + ".job_logs_partitioned LIKE job_logs");
            jdbc.update("INSERT INTO " + schema + ".job_logs_partitioned SELECT * FROM " + schema
                    + ".job_logs WHERE id <= 7000");

            flyway(schema, "60").migrate();

            assertThat(fingerprint(schema)).isEqualTo(before);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    private String schema(String suffix) {
        var schema = "joblog_v60_" + ProcessHandle.current().pid() + "_" + suffix;
        TestSchemas.create(schema);
        return schema;
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    /** jobs one every 14 hours from 1 January 2026, each with lines one second apart, in multi-row INSERTs. */
    private void fill(String schema, int jobs, int linesPerJob) {
        jdbc.update("INSERT INTO " + schema
                + ".users (username, email, password_hash, role) VALUES ('ops', 'ops@example.com', 'x', 'operator')");
        jdbc.update("INSERT INTO " + schema
                + ".servers (hostname, ip_address, environment_id) VALUES ('web-1', '10.0.0.1', 1)");
        jdbc.update("INSERT INTO " + schema + ".playbooks (name, content) VALUES ('deploy', '- hosts: all')");
        jdbc.update(
                "INSERT INTO " + schema
                        + ".jobs (job_id, playbook_id, server_id, user_id, status, created_at, started_at,"
                        + " completed_at) SELECT UUID(), 1, 1, 1, 'success', t, t, t + INTERVAL ? SECOND FROM (SELECT"
                        + " TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (seq - 1) * 14 HOUR AS t FROM seq_1_to_" + jobs
                        + ") s",
                linesPerJob);
        var jobRows = jdbc.query(
                "SELECT id, started_at FROM " + schema + ".jobs ORDER BY id",
                (rs, i) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDateTime.class)));
        for (var job : jobRows) {
            long id = job.getKey();
            var started = job.getValue();
            var sql = new StringBuilder(
                    "INSERT INTO " + schema + ".job_logs (job_id, line_number, timestamp, content) VALUES ");
            var params = new ArrayList<Object>();
            for (int line = 1; line <= linesPerJob; line++) {
                sql.append(line == 1 ? "(?,?,?,?)" : ",(?,?,?,?)");
                params.addAll(List.of(id, line, started.plusSeconds(line), content(id, line)));
            }
            jdbc.update(sql.toString(), params.toArray());
        }
    }

    /** Ansible-like output of varying length, with non-ASCII text and an empty line now and then. */
    private static String content(long job, int line) {
        return switch (line % 7) {
            case 0 -> "";
            case 1 -> "TASK [deploy : copy release " + line + "] " + "*".repeat(40 + line % 60);
            case 2 -> "ok: [web-" + job + "] => {\"msg\": \"déploiement ✓ " + line + "\"}";
            default -> "changed: [web-" + job + "] line " + line + " " + "x".repeat(line % 200);
        };
    }

    private Map<String, Object> fingerprint(String schema) {
        return jdbc.queryForMap(
                "SELECT COUNT(*) AS n, SUM(CRC32(r)) AS crc, BIT_XOR(CAST(CONV(LEFT(MD5(r), 16), 16, 10)"
                        + " AS UNSIGNED)) AS md5 FROM (SELECT CONCAT_WS(0x1f, id, job_id, line_number, timestamp, content) AS r FROM "
                        + schema + ".job_logs) l");
    }

    private List<String> partitionNames(String schema) {
        return jdbc.queryForList(
                "SELECT partition_name FROM information_schema.partitions WHERE table_schema = ?"
                        + " AND table_name = 'job_logs' ORDER BY partition_ordinal_position",
                String.class,
                schema);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
