package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.EmbeddedMariaDb;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** db-pending, db-show and db-repair as the jar runs them, each on a schema of its own. */
@Tag("integration")
class MigrationPreviewCommandsTest {

    private static final String USER = EmbeddedMariaDb.CONSOLE_USER;
    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        server = TestSchemas.server();
    }

    @Test
    void db_pending_sql_prints_the_pending_sql_with_its_risks_and_db_show_an_applied_script() throws Exception {
        var url = schemaAtCurrentVersion("cli_lint_");
        var springArgs = new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + server.consolePassword(),
            "--spring.flyway.locations=classpath:db/migration,classpath:db/lint-test",
            "--infra.migrations.big-table-rows=1"
        };

        var preview = Cli.run(List.of("db-pending", "--sql"), null, springArgs);

        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.out())
                .contains(
                        "-- V9001 risky changes (V9001__risky_changes.sql)",
                        "-- RISK: DROP COLUMN servers.location: its values are gone",
                        "-- RISK: MODIFY servers.hostname narrows it (varchar(255) to VARCHAR(20))",
                        "-- RISK: ADD COLUMN tickets.triage_note NOT NULL without a default",
                        "-- RISK: index build on audit_logs, a big table",
                        "-- RISK: DROP TABLE playbook_versions",
                        "ALTER TABLE servers DROP COLUMN location;",
                        "-- 6 risky statement(s): take a backup")
                .doesNotContain("RISK: ADD COLUMN servers.rack");

        var show = Cli.run(List.of("db-show", "2"), null, springArgs);
        assertThat(show.exitCode()).as(show.all()).isZero();
        assertThat(show.out())
                .contains(
                        "-- V2 add location to servers (V2__add_location_to_servers.sql), Success",
                        "ALTER TABLE servers ADD COLUMN location VARCHAR(100) NULL AFTER status;");
    }

    @Test
    void db_repair_removes_a_failed_migration_with_the_caution_wording() throws Exception {
        var url = schemaAtCurrentVersion("cli_repair_");
        var locations = "classpath:db/migration,classpath:db/repair-test";
        try {
            Flyway.configure()
                    .dataSource(url, USER, server.consolePassword())
                    .locations(locations.split(","))
                    .load()
                    .migrate();
        } catch (RuntimeException expected) {
            // V9001 fails halfway: the history now holds a failed entry
        }
        var repaired = Cli.run(
                List.of("db-repair"),
                null,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + server.consolePassword(),
                "--spring.flyway.locations=" + locations);

        assertThat(repaired.exitCode()).as(repaired.all()).isZero();
        assertThat(repaired.out())
                .startsWith("Use with caution: db-repair only rewrites the migration history")
                .contains("Removed failed entry: V9001 fails halfway");
        try (var c = DriverManager.getConnection(url, USER, server.consolePassword());
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        try (var c = DriverManager.getConnection(url, USER, server.consolePassword());
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT action, outcome FROM audit_logs ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("DB_REPAIR SUCCESS");
        }
    }

    private static String schemaAtCurrentVersion(String prefix) throws Exception {
        var name = prefix + UUID.randomUUID().toString().substring(0, 8);
        TestSchemas.create(name);
        var url = "jdbc:mariadb://localhost:" + server.port() + "/" + name;
        Flyway.configure()
                .dataSource(url, USER, server.consolePassword())
                .load()
                .migrate();
        return url;
    }
}
