package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.OldPlatformDatabase;
import com.infraconsole.TestSchemas;
import com.infraconsole.security.SystemAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What db-adopt finds in an old platform's database, on side schemas built through the guide's
 * revisions, with the service wired to that schema as the command wires it to the console's.
 */
@IntegrationTest
class LegacyAdoptionTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment env;

    private final List<Object> events = new ArrayList<>();
    private String schema;
    private Path backupDir;

    private AdoptionService adoption(int revisions) throws Exception {
        schema = "adopt_" + UUID.randomUUID().toString().substring(0, 8);
        OldPlatformDatabase.build(schema, revisions, true);
        var admin = TestSchemas.server().admin();
        var url = admin.jdbcUrl(schema);
        var migrations = new Migrations(
                Flyway.configure()
                        .dataSource(url, admin.user(), admin.password())
                        .load(),
                true);
        backupDir = Files.createDirectories(Path.of("target/backup-tests/adopt-" + System.nanoTime()))
                .toAbsolutePath();
        var defaults = BackupSettings.from(env);
        var backups = new Backups(
                new BackupSettings(backupDir, 10, "", true, defaults.dataDir(), defaults.embedded()),
                () -> DumpConnection.of(url, admin.user(), admin.password()),
                migrations,
                Clock.systemUTC());
        return new AdoptionService(backups, migrations, events::add);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void a_database_at_an_earlier_revision_is_baselined_at_that_step() throws Exception {
        var service = adoption(4);

        var plan = SystemAuthentication.call(service::plan);

        assertThat(plan.refusal()).isNull();
        assertThat(plan.revision()).isEqualTo("6d0c2f8a4e17");
        assertThat(plan.step()).isEqualTo(4);
        assertThat(plan.baselineVersion()).isEqualTo("4");
        assertThat(plan.toApply().getFirst()).isEqualTo("V5 add idx jobs completed at");
        assertThat(plan.legacyAuditRows()).isEqualTo(4);
    }

    @Test
    void a_wrongly_shaped_schema_is_refused_with_each_difference_and_nothing_changes() throws Exception {
        var service = adoption(4);
        OldPlatformDatabase.execute(
                schema,
                "ALTER TABLE servers MODIFY location VARCHAR(50) NULL",
                "DROP INDEX idx_servers_status ON servers",
                "CREATE TABLE notes (id INT PRIMARY KEY)");
        var before = shape();

        var plan = SystemAuthentication.call(service::plan);

        assertThat(plan.adoptable()).isFalse();
        assertThat(plan.step()).isEqualTo(4);
        assertThat(plan.refusal()).contains("closest is step 4 (Add servers.created_by foreign key)", "3 point(s)");
        assertThat(plan.differences())
                .containsExactly(
                        "table notes is there but should not be",
                        "servers: column location is varchar(50) NULL, expected varchar(100) NULL",
                        "servers: index idx_servers_status (status) is missing");
        assertThatThrownBy(() -> SystemAuthentication.call(service::adopt))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("db-adopt refused: the schema does not have the shape");
        assertThat(shape()).isEqualTo(before);
        assertThat(events).isEmpty();
        try (var files = Files.list(backupDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_schema_without_alembic_history_or_with_several_heads_is_refused() throws Exception {
        var service = adoption(6);
        OldPlatformDatabase.execute(schema, "INSERT INTO alembic_version VALUES ('ffffffffffff')");
        assertThat(SystemAuthentication.call(service::plan).refusal())
                .contains("several heads", "flask db merge heads");

        OldPlatformDatabase.execute(schema, "DROP TABLE alembic_version");
        assertThat(SystemAuthentication.call(service::plan).refusal())
                .isEqualTo("no alembic_version table: this is not a database of the old platform's migration history");
    }

    @Test
    void starting_the_console_on_the_old_database_points_to_db_adopt_and_backs_up_nothing() throws Exception {
        adoption(6);
        var admin = TestSchemas.server().admin();
        var flyway = Flyway.configure()
                .dataSource(admin.jdbcUrl(schema), admin.user(), admin.password())
                .load();
        var defaults = BackupSettings.from(env);
        var backups = new Backups(
                new BackupSettings(backupDir, 10, "", true, defaults.dataDir(), defaults.embedded()),
                () -> DumpConnection.of(admin.jdbcUrl(schema), admin.user(), admin.password()),
                new Migrations(flyway, true),
                Clock.systemUTC());
        var before = shape();

        assertThatThrownBy(() -> new BackupBeforeMigrateConfiguration()
                        .backupThenMigrate(backups, new Migrations(flyway, true))
                        .migrate(flyway))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("it is the old platform's database")
                .hasMessageContaining("db-adopt");

        assertThat(shape()).isEqualTo(before);
        try (var files = Files.list(backupDir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Tables, columns, indexes and row counts of the side schema. */
    private List<String> shape() {
        var out = new ArrayList<String>();
        out.addAll(jdbc.queryForList(
                "SELECT CONCAT(table_name, '.', column_name, ' ', column_type) FROM "
                        + "information_schema.COLUMNS WHERE table_schema = ? ORDER BY 1",
                String.class,
                schema));
        out.addAll(jdbc.queryForList(
                "SELECT CONCAT(table_name, '.', index_name, '.', column_name) FROM "
                        + "information_schema.STATISTICS WHERE table_schema = ? ORDER BY 1",
                String.class,
                schema));
        for (var t : jdbc.queryForList(
                "SELECT table_name FROM information_schema.TABLES WHERE table_schema = ?", String.class, schema)) {
            out.add(t + " " + jdbc.queryForObject("SELECT COUNT(*) FROM " + schema + "." + t, Long.class));
        }
        return out;
    }
}
