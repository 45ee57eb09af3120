package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.SystemAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A verified backup before migrating a schema that holds data: on a schema one migration behind,
 * as an installed console meets a new release.
 */
@IntegrationTest
class BackupBeforeMigrateTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment env;

    private final List<Object> events = new ArrayList<>();
    private String schema;
    private String url;
    private Flyway flyway;
    private Migrations migrations;
    private JdbcTemplate scratchJdbc;

    private Backups backups(boolean beforeMigrate) throws Exception {
        schema = "premig_" + UUID.randomUUID().toString().substring(0, 8);
        TestSchemas.create(schema);
        // A privileged account, as an operator's backup on a real server: it may create the scratch schema.
        var admin = TestSchemas.server().admin();
        var user = admin.user();
        var password = admin.password();
        var base = env.getProperty("spring.datasource.url");
        url = base.substring(0, base.lastIndexOf('/') + 1) + schema;
        var all =
                Flyway.configure().dataSource(url, user, password).load().info().all();
        Flyway.configure()
                .dataSource(url, user, password)
                .target(MigrationVersion.fromVersion(
                        all[all.length - 2].getVersion().getVersion()))
                .load()
                .migrate();
        flyway = Flyway.configure().dataSource(url, user, password).load();
        migrations = new Migrations(flyway, true);
        scratchJdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, user, password));
        var dir = Files.createDirectories(Path.of("target/backup-tests/premig-" + System.nanoTime()))
                .toAbsolutePath();
        var defaults = BackupSettings.from(env);
        return new Backups(
                new BackupSettings(dir, 10, "", beforeMigrate, defaults.dataDir(), defaults.embedded()),
                () -> DumpConnection.of(url, user, password),
                migrations,
                Clock.systemUTC());
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void apply_takes_a_verified_backup_first_and_the_audit_rows_carry_its_hash() throws Exception {
        var backups = backups(true);
        var service = new DatabaseAdminService(
                scratchJdbc.getDataSource(),
                new DbAdminQueries(scratchJdbc),
                migrations,
                events::add,
                new BackupService(backups, migrations, events::add));

        var result = SystemAuthentication.call(() -> service.applyPendingMigrations(false));

        assertThat(result.applied()).isEqualTo(1);
        var file = Path.of(result.backupFile());
        assertThat(file).exists();
        assertThat(file.getFileName().toString()).endsWith("-pre-migrate.sql.gz");
        assertThat(result.backupSha256()).isEqualTo(BackupManifest.sha256(file));
        var manifest = BackupManifest.read(BackupManifest.manifestOf(file));
        assertThat(manifest.schemaVersion()).isEqualTo(result.fromVersion());
        assertThat(manifest.precedesVersion())
                .as("the version a rollback from this backup undoes")
                .isEqualTo(result.toVersion());
        assertThat(events).extracting(e -> ((AuditEvent) e).action()).containsExactly("DB_BACKUP", "DB_MIGRATE");
        var backupEvent = (AuditEvent) events.getFirst();
        assertThat(backupEvent.entityId()).isEqualTo(result.backupSha256());
        assertThat(backupEvent.changes().get("verified")).containsExactly(null, true);
        assertThat(((AuditEvent) events.get(1)).changes().get("backup_sha256"))
                .containsExactly(null, result.backupSha256());
        // The scratch schema of the verification is gone again.
        assertThat(jdbc.queryForList(
                        "SELECT schema_name FROM information_schema.SCHEMATA WHERE schema_name LIKE ?",
                        String.class,
                        schema + "\\_verify\\_%"))
                .isEmpty();
    }

    @Test
    void the_start_up_strategy_backs_up_before_migrating_a_schema_with_data() throws Exception {
        var backups = backups(true);
        var dir = backups.settings().dir();

        new BackupBeforeMigrateConfiguration()
                .backupThenMigrate(backups, migrations)
                .migrate(flyway);

        assertThat(flyway.info().pending()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-pre-migrate.sql.gz"));
        }
    }

    @Test
    void verification_names_a_table_whose_count_differs_from_the_manifest() throws Exception {
        var backups = backups(true);
        var backup = backups.take(null, "manual", "system");
        var tables = new HashMap<>(backup.manifest().tables());
        tables.put("environments", tables.get("environments") + 1);
        var m = backup.manifest();
        var wrong = new BackupModel.Backup(
                backup.file(),
                backup.manifestFile(),
                new BackupManifest(
                        m.format(),
                        m.file(),
                        m.sha256(),
                        m.bytes(),
                        m.database(),
                        m.schemaVersion(),
                        m.serverVersion(),
                        m.createdAt(),
                        m.createdBy(),
                        m.reason(),
                        m.dumpTool(),
                        tables,
                        m.precedesVersion()));

        var verification = backups.verify(wrong);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.problems())
                .singleElement()
                .asString()
                .isEqualTo("environments: " + tables.get("environments") + " rows in the dump, "
                        + (tables.get("environments") - 1) + " rows after restoring");
        assertThat(backups.verify(backup).ok()).isTrue();
    }

    @Test
    void no_backup_when_switched_off_or_when_the_schema_is_empty() throws Exception {
        var off = backups(false);
        assertThat(SystemAuthentication.call(
                        () -> new BackupService(off, migrations, events::add).backupBeforeMigrate()))
                .isEmpty();
        dropSchema();

        var on = backups(true);
        scratchJdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (var s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0"); // on this connection: each template call would get a new one
                var tables = new ArrayList<String>();
                try (var rs = s.executeQuery("SELECT table_name FROM information_schema.TABLES WHERE table_schema = '"
                        + schema + "' AND table_name <> 'flyway_schema_history'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (var t : tables) {
                    s.execute("TRUNCATE TABLE `" + t + "`");
                }
            }
            return null;
        });
        assertThat(on.holdsData()).isFalse();
        assertThat(SystemAuthentication.call(
                        () -> new BackupService(on, migrations, events::add).backupBeforeMigrate()))
                .isEmpty();
    }
}
