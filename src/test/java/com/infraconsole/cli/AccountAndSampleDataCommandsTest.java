package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.EmbeddedMariaDb;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** create-admin and seed-data, run in-process as the jar runs them, on the shared embedded test database. */
@Tag("integration")
class AccountAndSampleDataCommandsTest {

    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        server = TestSchemas.server();
    }

    @Test
    void create_admin_reads_the_password_from_stdin_and_creates_an_administrator() throws Exception {
        var name = "cli-admin-" + UUID.randomUUID().toString().substring(0, 8);
        var result =
                Cli.run(List.of("create-admin", "--username", name, "--password-stdin"), "Tall-Giraffe-Orbit-42\n");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).startsWith("Created administrator " + name + " (id ");
        var row = query("SELECT role, is_active, password_hash FROM users WHERE username = '" + name + "'");
        assertThat(row).containsEntry("role", "admin").containsEntry("is_active", "1");
        assertThat(row.get("password_hash")).startsWith("$2").doesNotContain("Tall-Giraffe");
    }

    @Test
    void create_admin_refuses_a_duplicate_username() {
        var name = "cli-dup-" + UUID.randomUUID().toString().substring(0, 8);
        Cli.run(List.of("create-admin", "--username", name, "--password-stdin"), "Tall-Giraffe-Orbit-42\n");
        var again = Cli.run(
                List.of("create-admin", "--username", name, "--email", name + "@other.example", "--password-stdin"),
                "Tall-Giraffe-Orbit-43\n");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).isEqualTo("create-admin: username: Username " + name + " is already taken\n");
    }

    @Test
    void create_admin_refuses_a_weak_password_and_creates_nothing() throws Exception {
        var name = "cli-weak-" + UUID.randomUUID().toString().substring(0, 8);
        var result = Cli.run(List.of("create-admin", "--username", name, "--password-stdin"), "password123\n");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("create-admin: password: Use at least 12 characters");
        assertThat(query("SELECT COUNT(*) AS n FROM users WHERE username = '" + name + "'"))
                .containsEntry("n", "0");
    }

    @Test
    void create_admin_without_a_password_on_stdin_or_without_the_flag_explains_itself() {
        var noInput = Cli.run(List.of("create-admin", "--username", "cli-nopw", "--password-stdin"), "");
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.out()).isEqualTo("create-admin: no password on standard input\n");

        var noFlag = Cli.run(List.of("create-admin", "--username", "cli-nopw"), "Tall-Giraffe-Orbit-42\n");
        assertThat(noFlag.exitCode()).isEqualTo(2);
        assertThat(noFlag.out()).startsWith("Usage: create-admin --username U");
    }

    @Test
    void seed_data_loads_realistic_sample_data_and_a_second_run_creates_nothing() throws Exception {
        var first = Cli.run("seed-data");
        assertThat(first.exitCode()).as(first.all()).isZero();
        var before = counts();
        // The first run in this JVM created them; a run from another test class would have too.
        assertThat(before)
                .containsEntry("servers", 25L)
                .containsEntry("playbooks", 6L)
                .containsEntry("jobs", 60L)
                .containsEntry("tickets", 10L)
                .containsEntry("accounts", 2L);
        assertThat(before.get("log lines")).isGreaterThan(300L);

        var second = Cli.run("seed-data");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out())
                .contains("Nothing new: all sample data was already present.")
                .contains("servers      0 created,  25 already present")
                .contains("jobs         0 created,  60 already present")
                .doesNotContain("password");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void seeded_data_is_consistent_and_relative_to_now() throws Exception {
        Cli.run("seed-data");
        assertThat(query("""
                SELECT COUNT(DISTINCT status) AS statuses,
                       SUM(created_at > UTC_TIMESTAMP(6) OR created_at < UTC_TIMESTAMP(6) - INTERVAL 31 DAY) AS out_of_range,
                       SUM(status = 'success' AND (exit_code <> 0 OR completed_at IS NULL)) AS bad_success,
                       SUM(status IN ('running', 'pending') OR completed_at IS NULL) AS bad_open,
                       SUM(started_at < created_at OR completed_at < started_at) AS bad_order
                FROM jobs WHERE job_id IN (%s)""".formatted(seededJobIds())))
                .containsEntry("statuses", "4")
                .containsEntry("out_of_range", "0")
                .containsEntry("bad_success", "0")
                .containsEntry("bad_open", "0")
                .containsEntry("bad_order", "0");
        var recap = query("""
                SELECT l.content FROM job_logs l JOIN jobs j ON j.id = l.job_id
                WHERE j.job_id = '%s' ORDER BY l.line_number DESC LIMIT 1""".formatted(SampleJobs.jobId(5)));
        assertThat(recap.get("content"))
                .startsWith("web-03.prod.infra.internal")
                .contains("failed=1");
        assertThat(query("SELECT must_change_password AS m, role FROM users WHERE username = 'sample-auditor'"))
                .containsEntry("m", "1")
                .containsEntry("role", "auditor");
        assertThat(query("""
                SELECT COUNT(*) AS n FROM tickets t JOIN jobs j ON j.id = t.job_id
                WHERE t.title = 'nginx deployment failed: service did not start' AND j.status = 'failed'""")).containsEntry("n", "1");
    }

    private static Map<String, Long> counts() throws Exception {
        var hosts = String.join(
                ",",
                SampleInventory.HOSTS.stream()
                        .map(h -> "'" + h.hostname() + "'")
                        .toList());
        var playbooks = String.join(
                ",", SamplePlaybooks.ALL.stream().map(p -> "'" + p.name() + "'").toList());
        var titles = String.join(
                ",",
                SampleInventory.TICKETS.stream().map(t -> "'" + t.title() + "'").toList());
        var counts = new LinkedHashMap<String, Long>();
        counts.put("servers", count("SELECT COUNT(*) FROM servers WHERE hostname IN (" + hosts + ")"));
        counts.put("playbooks", count("SELECT COUNT(*) FROM playbooks WHERE name IN (" + playbooks + ")"));
        counts.put("jobs", count("SELECT COUNT(*) FROM jobs WHERE job_id IN (" + seededJobIds() + ")"));
        counts.put(
                "log lines",
                count("SELECT COUNT(*) FROM job_logs l JOIN jobs j ON j.id = l.job_id WHERE j.job_id IN ("
                        + seededJobIds() + ")"));
        counts.put("tickets", count("SELECT COUNT(*) FROM tickets WHERE title IN (" + titles + ")"));
        counts.put(
                "accounts",
                count("SELECT COUNT(*) FROM users WHERE username IN ('sample-operator', 'sample-auditor')"));
        return counts;
    }

    private static String seededJobIds() {
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < SampleJobs.COUNT; i++) {
            ids.add("'" + SampleJobs.jobId(i) + "'");
        }
        return String.join(",", ids);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(
                query(sql.replaceFirst("COUNT\\(\\*\\)", "COUNT(*) AS n")).get("n"));
    }

    /** The first row of a query, as column label to string value. */
    private static Map<String, String> query(String sql) throws Exception {
        try (var c = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword());
                var rs = c.createStatement().executeQuery(sql)) {
            var row = new LinkedHashMap<String, String>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
            }
            return row;
        }
    }
}
