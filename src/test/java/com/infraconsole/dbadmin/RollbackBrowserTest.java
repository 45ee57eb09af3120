package com.infraconsole.dbadmin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.BrowserTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Database screen's backup, Apply and guided rollback, in a browser. A context of its own: it
 * needs a pending migration, which the shared context never has. It runs on a side schema at the
 * released version, with the test-only V85 on its migration path and migrate-on-start off (as an
 * operator who applies migrations from the screen), the console's account as runtime account and
 * root as the owner that migrates, backs up and restores.
 */
@DirtiesContext
class RollbackBrowserTest extends BrowserTest {

    private static final String SCHEMA = "rollback_browser";
    private static final LocatorAssertions.ContainsTextOptions PATIENT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollbackService rollbacks;

    @Autowired
    Flyway flyway;

    @Autowired
    Backups backups;

    @Autowired
    Migrations migrations;

    @DynamicPropertySource
    static void sideSchema(DynamicPropertyRegistry registry) {
        var server = TestSchemas.server();
        TestSchemas.create(SCHEMA);
        var admin = server.admin();
        var url = "jdbc:mariadb://localhost:" + server.port() + "/" + SCHEMA;
        Flyway.configure()
                .dataSource(url, admin.user(), admin.password())
                .load()
                .migrate();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> com.infraconsole.base.database.EmbeddedMariaDb.CONSOLE_USER);
        registry.add("spring.datasource.password", server::consolePassword);
        // Flyway's own settings: INFRA_DB_OWNER_USER becomes them before the context exists, which a
        // dynamic property is not yet.
        // The database timeouts copy the datasource URL into spring.flyway.url before this runs: without
        // this line Flyway, backups and the rollback would work on the shared test schema.
        registry.add("spring.flyway.url", () -> url);
        registry.add("spring.flyway.user", admin::user);
        registry.add("spring.flyway.password", admin::password);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/rollback-test");
        registry.add("infra.flyway.migrate-on-start", () -> "false");
        registry.add(
                "infra.backup.dir",
                () -> Path.of("target/backup-tests/browser-" + System.nanoTime())
                        .toAbsolutePath()
                        .toString());
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "rollback-browser-test");
    }

    @Test
    void admin_backs_up_applies_a_migration_and_rolls_it_back_from_the_screen() {
        var admin = testUsers.create(Role.ADMIN);
        logIn(admin.getUsername(), TestUsers.PASSWORD);
        page.waitForURL(url(""));
        waitForVaadin();
        // Through the menu, as a person would (in the same UI, no second page load).
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Database"))
                .click();
        var summary = page.locator("#migration-summary");
        assertThat(summary).containsText("1 pending", PATIENT);

        page.locator("#backup-now").click();
        assertThat(page.locator("#manual-backup")).containsText("Backup taken: ", PATIENT);
        assertThat(page.locator("#manual-backup")).containsText("SHA-256 ");
        screenshot("database-backup-now");

        page.locator("#apply-migrations").click();
        page.locator("#confirm-apply").click();
        assertThat(page.locator("#last-backup")).containsText("-pre-migrate.sql.gz", PATIENT);
        assertThat(summary).containsText("0 pending");
        assertThat(page.locator("#rollback-85")).isVisible();
        assertThat(jdbc.queryForObject("SELECT rollback_probe FROM environments WHERE id = 1", String.class))
                .isEqualTo("was development");
        screenshot("database-applied");

        // Refused by the service whatever the screen shows: a wrong confirmation, another role.
        TestUsers.signIn(admin);
        assertThatThrownBy(() -> rollbacks.rollBackBefore("85", "yes"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Type " + SCHEMA + " or V85 to confirm");
        testUsers.signIn(Role.OPERATOR);
        assertThatThrownBy(() -> rollbacks.rollBackBefore("85", "V85")).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();

        page.locator("#rollback-85").click();
        var backup = page.locator("#rollback-backup");
        assertThat(backup).containsText("-pre-migrate.sql.gz", PATIENT);
        assertThat(backup).containsText("SHA-256: ");
        page.locator("#rollback-confirmation input").fill("V85");
        screenshot("database-rollback-dialog");
        page.locator("#confirm-rollback").click();

        var result = page.locator("#rollback-result");
        assertThat(result).containsText("Rolled back to before V85: schema version 85 is now ", PATIENT);
        assertThat(result).containsText("Audit chain verified: ");
        assertThat(result).containsText("start the release that matches schema version");
        assertThat(summary).containsText("1 pending");
        screenshot("database-rolled-back");

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_schema = DATABASE() "
                                + "AND table_name = 'environments' AND column_name = 'rollback_probe'",
                        Integer.class))
                .isZero();
        var audit = jdbc.queryForMap(
                "SELECT action, entity_id, username, outcome FROM audit_logs ORDER BY seq DESC LIMIT 1");
        assertThat(audit)
                .containsEntry("action", "DB_ROLLBACK")
                .containsEntry("entity_id", "85")
                .containsEntry("username", admin.getUsername())
                .containsEntry("outcome", "SUCCESS");
        // A start of this release now refuses to re-apply V85 by itself.
        assertThatThrownBy(() -> new BackupBeforeMigrateConfiguration()
                        .backupThenMigrate(backups, migrations)
                        .migrate(flyway))
                .hasMessageContaining("rolled back to before V85")
                .hasMessageContaining("init-db");
        assertThat(flyway.info().pending()).hasSize(1);
    }
}
