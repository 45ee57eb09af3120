package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Every read of the Database screen through an account with rights on its own schema only:
 * what needs performance_schema or sys is reported in plain words with the GRANT that allows
 * it, never as the driver's error (which names the account and the statement).
 */
@IntegrationTest
class LeastPrivilegeTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Environment env;

    DatabaseAdminService service;

    @BeforeEach
    void asTheLeastPrivilegedAccount() {
        service = LeastPrivilegedAccount.service(ctx);
    }

    @Test
    void what_the_schema_alone_shows_works_as_for_a_privileged_account() {
        assertThat(service.tableSizes())
                .extracting(DbAdminModel.TableSize::table)
                .contains("jobs", "servers");
        assertThat(service.exactRowCount("servers")).isNotNegative();
        assertThat(service.indexes()).extracting(DbAdminModel.IndexInfo::index).contains("idx_jobs_completed_at");
        assertThat(service.foreignKeys())
                .extracting(DbAdminModel.ForeignKey::constraint)
                .contains("fk_jobs_playbook");
        var status = service.migrations();
        assertThat(status.valid()).isTrue();
        assertThat(status.upToDate()).isTrue();
        var server = service.server();
        assertThat(server.connection().user()).startsWith(LeastPrivilegedAccount.USER);
        assertThat(server.connection().version()).containsIgnoringCase("mariadb");
    }

    @Test
    void unused_indexes_say_performance_schema_is_not_readable_and_give_the_grant() {
        var report = service.unusedIndexes();

        assertThat(report.enabled()).isFalse();
        assertThat(report.indexes()).isEmpty();
        assertThat(report.message())
                .contains("not allowed to read performance_schema")
                .doesNotContain("denied");
        assertThat(report.grant()).isEqualTo("GRANT SELECT ON performance_schema.* TO 'infra_least'@'localhost'");
    }

    @Test
    void redundant_indexes_say_sys_is_not_readable_and_give_the_grant_without_the_driver_error() {
        var report = service.redundantIndexes();

        assertThat(report.available()).isFalse();
        assertThat(report.indexes()).isEmpty();
        assertThat(report.message())
                .contains("not allowed to read the sys schema")
                .doesNotContain("denied", "command", LeastPrivilegedAccount.USER);
        assertThat(report.grant()).isEqualTo("GRANT SELECT ON sys.* TO 'infra_least'@'localhost'");
    }

    @Test
    void the_grants_the_screen_gives_are_exactly_what_makes_both_reports_work() {
        var service = LeastPrivilegedAccount.service(ctx, LeastPrivilegedAccount.create("infra_least_granted"));
        var unused = service.unusedIndexes();
        var redundant = service.redundantIndexes();
        assertThat(unused.enabled()).isFalse();
        assertThat(redundant.available()).isFalse();

        LeastPrivilegedAccount.asRoot(unused.grant(), redundant.grant());

        assertThat(service.unusedIndexes().enabled()).isTrue();
        assertThat(service.redundantIndexes().available()).isTrue();
        assertThat(service.redundantIndexes().indexes())
                .anySatisfy(r -> assertThat(r.redundantIndex()).isEqualTo("idx_jobs_completed_at"));
    }

    @Test
    void verifying_a_backup_without_the_scratch_schema_grant_names_the_grant_not_the_driver_error() throws Exception {
        var url = TestSchemas.server().jdbcUrl();
        var dir = Files.createDirectories(Path.of("target/backup-tests/least-" + System.nanoTime()))
                .toAbsolutePath();
        var defaults = BackupSettings.from(env);
        var flyway = Flyway.configure()
                .dataSource(LeastPrivilegedAccount.create(LeastPrivilegedAccount.USER))
                .load();
        var backups = new Backups(
                new BackupSettings(dir, 10, "", true, defaults.dataDir(), defaults.embedded()),
                () -> DumpConnection.of(url, LeastPrivilegedAccount.USER, LeastPrivilegedAccount.password()),
                new Migrations(flyway, true),
                Clock.systemUTC());
        var backup = backups.take(null, "least-privilege", "test");

        var verification = backups.verify(backup);

        assertThat(verification.ok()).isFalse();
        assertThat(String.join(" ", verification.problems()))
                .contains("GRANT ALL PRIVILEGES ON `infra_console\\_verify\\_%`.* TO 'infra_least'@'localhost'")
                .doesNotContain("denied", "Access");
    }
}
