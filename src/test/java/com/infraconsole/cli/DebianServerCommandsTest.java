package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.DebianMariaDb;
import com.infraconsole.OldPlatformDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every db-* command and init-db against Debian's MariaDB server, as a production install runs them:
 * the console's datasource is a DML-only runtime account, and migrations, backups and restores run
 * as the schema's owner (INFRA_DB_OWNER_USER). One server for the class; the methods build on each
 * other in order (an empty schema first, then migrated, backed up, migrated further, rolled back).
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianServerCommandsTest {

    /**
     * Not compared by checksum: the audit tables (a restore appends its own row to the chain it
     * restores; compared row by row instead), and Quartz's cluster check-in, a heartbeat the running
     * commands' schedulers rewrite every few seconds.
     */
    private static final List<String> NOT_COMPARED = List.of("audit_logs", "audit_chain_head", "QRTZ_SCHEDULER_STATE");

    static DebianMariaDb server;
    static Path backups;
    /** The released migrations, and the same plus the test-only V85 (the "newer release"). */
    static CliSession released;

    static CliSession newer;

    @BeforeAll
    static void startServer() throws Exception {
        server = DebianMariaDb.start();
        backups = Files.createDirectories(Path.of("target/backup-tests/debian-" + System.nanoTime()))
                .toAbsolutePath();
        released = session("classpath:db/migration");
    }

    @AfterAll
    static void stopServer() {
        for (var session : new CliSession[] {released, newer}) {
            if (session != null) {
                session.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static CliSession session(String locations) {
        return new CliSession(
                server.springArgs("--infra.backup.dir=" + backups, "--spring.flyway.locations=" + locations));
    }

    private static Cli.Result run(String... command) {
        return released.run(command);
    }

    /** With the test migration V85 on the classpath; started once the schema is at the released version. */
    private static Cli.Result runNewer(String... command) {
        if (newer == null) {
            newer = session("classpath:db/migration,classpath:db/rollback-test");
        }
        return newer.run(command);
    }

    @Test
    @Order(1)
    void init_db_migrates_as_the_owner_and_db_status_and_db_history_report_it() throws Exception {
        var init = run("init-db");
        assertThat(init.exitCode()).as(init.all()).isZero();
        assertThat(init.out()).containsPattern("Applied \\d+ migration\\(s\\); schema version is now \\d+\\.");

        var status = run("db-status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .contains("(user " + DebianMariaDb.RUNTIME + ")")
                .containsPattern("Server: +MariaDB.*10\\.11\\.\\d+-MariaDB-0\\+deb12")
                .contains("Pending:        0", "Status:         OK");

        var history = run("db-history");
        assertThat(history.exitCode()).as(history.all()).isZero();
        assertThat(history.out()).contains(DebianMariaDb.OWNER).doesNotContain(DebianMariaDb.RUNTIME);
        try (var c = server.owner();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT DISTINCT installed_by FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(DebianMariaDb.OWNER);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    @Order(2)
    void the_runtime_account_can_change_rows_but_not_the_schema() throws Exception {
        try (var c = server.runtime();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE environments SET description = description WHERE id = 1");
            assertThatThrownBy(() -> s.execute("DROP TABLE servers"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DROP command denied to user '" + DebianMariaDb.RUNTIME + "'");
            assertThatThrownBy(() -> s.execute("ALTER TABLE servers ADD COLUMN x INT"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ALTER command denied");
            assertThatThrownBy(() -> s.execute("CREATE TABLE probe (id INT)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CREATE command denied");
        }
        try (var c = server.owner();
                var s = c.createStatement();
                var rs =
                        s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE table_schema = DATABASE() "
                                + "AND table_name = 'servers'")) {
            rs.next();
            assertThat(rs.getInt(1)).isOne();
        }
    }

    @Test
    @Order(3)
    void db_pending_sql_db_show_and_db_repair_work_with_the_two_accounts() throws Exception {
        var preview = runNewer("db-pending", "--sql");
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.out())
                .contains(
                        "-- V85 rollback probe (V85__rollback_probe.sql)",
                        "ALTER TABLE environments ADD COLUMN rollback_probe VARCHAR(40) NULL;");

        var show = run("db-show", "6");
        assertThat(show.exitCode()).as(show.all()).isZero();
        assertThat(show.out())
                .contains("-- V6 environments (V6__environments.sql), Success", "CREATE TABLE environments");

        try {
            Flyway.configure()
                    .dataSource(server.url(), DebianMariaDb.OWNER, server.ownerPassword())
                    .locations("classpath:db/migration", "classpath:db/repair-test")
                    .load()
                    .migrate();
        } catch (RuntimeException expected) {
            // V9001 fails halfway: the history now holds a failed entry
        }
        var repaired = run("db-repair");
        assertThat(repaired.exitCode()).as(repaired.all()).isZero();
        assertThat(repaired.out()).contains("Removed failed entry: V9001 fails halfway");
        try (var c = server.owner();
                var s = c.createStatement()) {
            s.execute("DROP TABLE repair_probe"); // what the failed script left: cleaned up by hand, as the guide says
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    @Order(4)
    void backup_migrate_and_restore_bring_data_and_audit_chain_back_identical() throws Exception {
        // Before the backup: its own DB_BACKUP row is written after the dump, so it is not in it.
        var checksums = checksums();
        var chain = chain();
        var taken = run("db-backup");
        assertThat(taken.exitCode()).as(taken.all()).isZero();
        assertThat(taken.out()).contains("MariaDB 10.11").containsPattern("SHA-256: +[0-9a-f]{64}");
        var backup = taken.out().strip().lines().toList().getLast();
        assertThat(Path.of(backup)).exists().startsWith(backups);

        var migrated = runNewer("init-db");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(migrated.out())
                .contains(
                        "Backed up and verified before migrating: ",
                        "-pre-migrate.sql.gz",
                        "Applied 1 migration(s); schema version is now 85.");
        var preMigrate = migrated.out()
                .lines()
                .filter(l -> l.startsWith("Backed up and verified before migrating: "))
                .findFirst()
                .orElseThrow()
                .replaceFirst("^Backed up and verified before migrating: (\\S+) .*$", "$1");
        try (var c = server.runtime();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT rollback_probe, description FROM environments WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("was development");
            assertThat(rs.getString(2)).endsWith("(after V85)");
        }
        assertThat(checksums()).isNotEqualTo(checksums);

        // The rollback: the backup init-db took before V85 (the same content as the one taken by hand).
        var restored = runNewer("db-restore", preMigrate, "--yes");

        assertThat(restored.exitCode()).as(restored.all()).isZero();
        assertThat(restored.out())
                .contains(
                        "matches the manifest",
                        "the audit chain is intact",
                        "Rolled back to before V85",
                        "apply V85 deliberately with init-db");
        assertThat(checksums()).isEqualTo(checksums);
        var after = chain();
        assertThat(after.subList(0, chain.size())).isEqualTo(chain);
        assertThat(after.getLast()).startsWith("DB_ROLLBACK ");
        try (var c = server.owner();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isLessThan(85);
        }
    }

    /** CHECKSUM TABLE of every table but those {@link #NOT_COMPARED}, by name. */
    @Test
    @Order(5)
    void db_adopt_takes_over_the_old_platforms_database_as_the_owner() throws Exception {
        var old = "infra_automation";
        var owner = "'" + DebianMariaDb.OWNER + "'@'127.0.0.1'";
        try (var c = server.root();
                var s = c.createStatement()) {
            // The grants docs/operations.md gives, for the old platform's schema.
            s.execute("CREATE DATABASE " + old + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("GRANT ALL PRIVILEGES ON " + old + ".* TO " + owner);
            s.execute("GRANT ALL PRIVILEGES ON `" + old + "\\_verify\\_%`.* TO " + owner);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + old + ".* TO '" + DebianMariaDb.RUNTIME
                    + "'@'127.0.0.1'");
            s.execute("USE " + old);
            OldPlatformDatabase.build(c);
        }

        try (var adopting = new CliSession(server.springArgsFor(old, "--infra.backup.dir=" + backups))) {
            var result = adopting.run("db-adopt", "--yes");
            assertThat(result.exitCode()).as(result.all()).isZero();
        }

        try (var c = DriverManager.getConnection(server.url(old), DebianMariaDb.OWNER, server.ownerPassword());
                var s = c.createStatement()) {
            var baseline =
                    s.executeQuery("SELECT version, type FROM flyway_schema_history ORDER BY installed_rank LIMIT 1");
            assertThat(baseline.next()).isTrue();
            assertThat(baseline.getString(1)).isEqualTo("5");
            assertThat(baseline.getString(2)).isEqualTo("BASELINE");
            var failed = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success");
            failed.next();
            assertThat(failed.getLong(1)).isZero();
            var users = s.executeQuery(
                    "SELECT COUNT(*) FROM users WHERE password_hash LIKE 'scrypt:%' OR password_hash LIKE 'pbkdf2:%'");
            users.next();
            assertThat(users.getLong(1))
                    .as("old accounts keep their werkzeug hashes until they log in")
                    .isPositive();
        }
        try (var c = DriverManager.getConnection(server.url(old), DebianMariaDb.RUNTIME, server.runtimePassword());
                var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TABLE servers")).isInstanceOf(SQLException.class);
        }
    }

    private static Map<String, Long> checksums() throws SQLException {
        try (Connection c = server.owner();
                var s = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs =
                    s.executeQuery("SELECT table_name FROM information_schema.TABLES WHERE table_schema = DATABASE() "
                            + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    if (!NOT_COMPARED.contains(rs.getString(1))) {
                        tables.add("`" + rs.getString(1) + "`");
                    }
                }
            }
            var sums = new TreeMap<String, Long>();
            try (var rs = s.executeQuery("CHECKSUM TABLE " + String.join(", ", tables))) {
                while (rs.next()) {
                    sums.put(rs.getString(1), rs.getLong(2));
                }
            }
            return sums;
        }
    }

    /** The audit chain, row by row: action, seq and hash. */
    private static List<String> chain() throws SQLException {
        try (Connection c = server.owner();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT action, seq, hash FROM audit_logs ORDER BY seq")) {
            var rows = new ArrayList<String>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3));
            }
            return rows;
        }
    }
}
