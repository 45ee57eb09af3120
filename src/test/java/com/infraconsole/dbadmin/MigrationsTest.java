package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pending migrations, their SQL and applying them, on a schema of its own (the shared test
 * schema must stay at the application's version) with two small scripts from test resources.
 */
@IntegrationTest
class MigrationsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_pending_migration_shows_its_sql_and_applying_it_needs_a_backup_confirmation_and_is_audited() {
        var schema = "dbadmin_migtest_" + System.nanoTime() % 1_000_000;
        TestSchemas.create(schema);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations("classpath:db/dbadmin-test")
                    .target("1")
                    .load()
                    .migrate();
            var flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations("classpath:db/dbadmin-test")
                    .load();
            var migrations = new Migrations(flyway, false);

            var status = migrations.status();
            assertThat(status.currentVersion()).isEqualTo("1");
            assertThat(status.migrateOnStart()).isFalse();
            assertThat(status.pending()).singleElement().satisfies(p -> {
                assertThat(p.migration().version()).isEqualTo("2");
                assertThat(p.migration().description()).isEqualTo("probe name");
                assertThat(p.sql()).contains("ALTER TABLE migration_probe ADD COLUMN name");
            });
            assertThat(status.upToDate()).isFalse();
            assertThat(status.valid()).isFalse(); // Flyway's validate reports resolved, unapplied migrations

            var events = new ArrayList<Object>();
            // INFRA_BACKUP_BEFORE_MIGRATE=false: the confirmation checkbox stands in for the backup
            var noBackup =
                    new BackupSettings(Path.of("target/backup-tests"), 10, "", false, TestSchemas.dataDir(), true);
            var backups = new BackupService(
                    new Backups(noBackup, () -> null, migrations, Clock.systemUTC()), migrations, events::add);
            var service =
                    new DatabaseAdminService(dataSource, new DbAdminQueries(jdbc), migrations, events::add, backups);
            assertThatThrownBy(() -> service.applyPendingMigrations(false)).isInstanceOf(InvalidInputException.class);
            assertThat(migrations.status().pending()).hasSize(1);
            assertThat(events).isEmpty();

            var result = service.applyPendingMigrations(true);

            assertThat(result.applied()).isEqualTo(1);
            assertThat(result.toVersion()).isEqualTo("2");
            assertThat(migrations.status().upToDate()).isTrue();
            assertThat(events).singleElement().isInstanceOfSatisfying(AuditEvent.class, e -> {
                assertThat(e.action()).isEqualTo("DB_MIGRATE");
                assertThat(e.outcome()).isEqualTo("SUCCESS");
                assertThat(e.changes().get("schema_version")).containsExactly("1", "2");
            });
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }
}
