package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.EmbeddedMariaDb;
import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** init-db and db-status, run in-process as the jar runs them, on the shared embedded test server. */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseCommandsTest {

    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        // The test JVM's one embedded server (the same one @IntegrationTest contexts use).
        server = TestSchemas.server();
    }

    @Test
    void init_db_applies_the_migrations_and_is_idempotent() {
        var first = Cli.run("init-db");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).containsPattern("Applied \\d+ migration\\(s\\); schema version is now \\d+\\.");

        var second = Cli.run("init-db");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("Applied 0 migration(s)");
    }

    @Test
    void db_status_reports_connection_server_and_schema_and_exits_0_when_up_to_date() {
        Cli.run("init-db");
        var status = Cli.run("db-status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .contains("Connection:     jdbc:mariadb://localhost:" + server.port() + "/infra_console")
                .containsPattern("Server: +MariaDB.*10\\.11")
                .containsPattern("Schema version: \\d+ \\(")
                .contains("Pending:        0", "Failed:         0", "Status:         OK");
    }

    @Test
    void db_status_exits_1_and_lists_a_pending_migration() throws Exception {
        var schema = "cli_pending_" + UUID.randomUUID().toString().substring(0, 8);
        createSchema(schema);
        var url = "jdbc:mariadb://localhost:" + server.port() + "/" + schema;
        // Everything but the newest migration, as on a server that has not been upgraded yet.
        var admin = server.admin();
        var all = Flyway.configure()
                .dataSource(url, admin.user(), admin.password())
                .load()
                .info()
                .all();
        var newest = all[all.length - 1];
        Flyway.configure()
                .dataSource(url, admin.user(), admin.password())
                .target(MigrationVersion.fromVersion(
                        all[all.length - 2].getVersion().getVersion()))
                .load()
                .migrate();

        var status = Cli.run(
                java.util.List.of("db-status"),
                null,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=root",
                "--spring.datasource.password=" + admin.password());
        assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
        assertThat(status.out())
                .contains("Pending:        1", "  V" + newest.getVersion() + " " + newest.getDescription())
                .contains("Status:         NOT UP TO DATE (run init-db)");

        var empty = "cli_empty_" + UUID.randomUUID().toString().substring(0, 8);
        createSchema(empty);
        var fresh = Cli.run(
                java.util.List.of("db-status"),
                null,
                "--spring.datasource.url=jdbc:mariadb://localhost:" + server.port() + "/" + empty,
                "--spring.datasource.username=root",
                "--spring.datasource.password=" + admin.password());
        assertThat(fresh.exitCode()).as(fresh.all()).isEqualTo(1);
        assertThat(fresh.out()).contains("Schema version: none (empty database)", "Pending:        " + all.length);
    }

    @Test
    void db_status_never_prints_the_password(CapturedOutput output) {
        var password = server.admin().password();
        var url = "jdbc:mariadb://localhost:" + server.port() + "/infra_console?user=root&password=" + password;
        var status = Cli.run(
                java.util.List.of("db-status"),
                null,
                "--spring.datasource.url=" + url,
                "--spring.datasource.password=" + password);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("(user root)").doesNotContain(password);
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void db_status_on_an_unreachable_database_prints_one_clear_line_with_the_password_masked(CapturedOutput output) {
        var url = "jdbc:mariadb://127.0.0.1:1/x?user=ops&password=hunter2-secret";
        var status = Cli.run(java.util.List.of("db-status"), null, "--spring.datasource.url=" + url);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).isEmpty();
        assertThat(status.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith(
                        "db-status: Cannot connect to database jdbc:mariadb://127.0.0.1:1/x?user=ops&password=****");
        assertThat(output.getAll() + status.all())
                .doesNotContain("hunter2-secret")
                .doesNotContain("\tat ")
                .doesNotContain("APPLICATION FAILED TO START");
    }

    private static void createSchema(String name) throws Exception {
        var admin = server.admin();
        try (var c = DriverManager.getConnection(admin.jdbcUrl(""), admin.user(), admin.password());
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }
}
