package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The migrations and the old guide's integrity checks on a real MySQL 8, the production database
 * of the old platform. Needs Docker: where there is none (our CI machines) JUnit reports the class
 * as skipped, not failed.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class MySqlSchemaIntegrityTest {

    // root with an empty password, like the embedded server, so the replayed checks connect alike.
    @Container
    static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4")
            .withDatabaseName("infra_console")
            .withUsername("root")
            .withPassword("")
            .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");

    /** The MariaDB checks themselves, pointed at MySQL, so that both databases pass the same ones. */
    static SchemaIntegrityTest checks;

    static Flyway flyway;

    @BeforeAll
    static void migrate() {
        var dataSource = new DriverManagerDataSource(MYSQL.getJdbcUrl(), "root", "");
        flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        checks = new SchemaIntegrityTest();
        checks.jdbc = new JdbcTemplate(dataSource);
        checks.dataSource = dataSource;
    }

    @Test
    void the_migrations_apply_on_mysql_8_and_validate() {
        assertThat(checks.jdbc.queryForObject("SELECT VERSION()", String.class)).startsWith("8.");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void a_job_pointing_at_a_missing_playbook_server_or_user_is_refused_by_a_foreign_key() {
        checks.a_job_pointing_at_a_missing_playbook_server_or_user_is_refused_by_a_foreign_key();
    }

    @Test
    void a_duplicate_username_is_refused() {
        checks.a_duplicate_username_is_refused();
    }

    @Test
    void an_invalid_job_status_is_refused() {
        checks.an_invalid_job_status_is_refused();
    }

    @Test
    void invalid_roles_priorities_and_ports_are_refused() {
        checks.invalid_roles_priorities_and_ports_are_refused();
    }

    @Test
    void the_history_of_the_old_guide_is_in_place() {
        checks.the_history_of_the_old_guide_is_in_place();
    }

    @Test
    void migrations_apply_from_empty_to_latest_and_validate() throws Exception {
        checks.migrations_apply_from_empty_to_latest_and_validate();
    }
}
