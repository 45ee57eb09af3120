package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The old platform's integrity checks, replayed on the real database the console migrated. */
@IntegrationTest
class SchemaIntegrityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void a_job_pointing_at_a_missing_playbook_server_or_user_is_refused_by_a_foreign_key() {
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status) VALUES (?, 999999, 999999, 999999, 'pending')",
                        UUID.randomUUID().toString()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("foreign key");
    }

    @Test
    void a_duplicate_username_is_refused() {
        jdbc.update(
                "INSERT INTO users (username, email, password_hash, role) VALUES ('dup-user', 'a@example.test', 'hash', 'admin')");
        assertThatThrownBy(
                        () -> jdbc.update(
                                "INSERT INTO users (username, email, password_hash, role) VALUES ('dup-user', 'duplicate@example.test', 'hash', 'admin')"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_users_username");
    }

    @Test
    void an_invalid_job_status_is_refused() {
        var ids = fixtureIds();
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status) VALUES (?, ?, ?, ?, 'invalid_status')",
                        UUID.randomUUID().toString(),
                        ids[0],
                        ids[1],
                        ids[2]))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("chk_jobs_status");
        jdbc.update(
                "INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status) VALUES (?, ?, ?, ?, 'pending')",
                UUID.randomUUID().toString(),
                ids[0],
                ids[1],
                ids[2]);
    }

    @Test
    void invalid_roles_priorities_and_ports_are_refused() {
        assertThatThrownBy(
                        () -> jdbc.update(
                                "INSERT INTO users (username, email, password_hash, role) VALUES ('r1', 'r1@example.test', 'h', 'root')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO tickets (title, priority) VALUES ('t', 'urgent')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(
                        () -> jdbc.update(
                                "INSERT INTO servers (hostname, ip_address, ssh_port, environment_id) VALUES ('p0', '10.0.0.1', 0, 1)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_history_of_the_old_guide_is_in_place() {
        assertThat(jdbc.queryForList("SELECT name FROM environments WHERE id <= 3 ORDER BY id", String.class))
                .containsExactly("development", "staging", "production");
        assertThat(column("servers", "location")).isEqualTo("varchar(100)");
        assertThat(column("servers", "description")).isEqualTo("text");
        assertThat(jdbc.queryForObject("""
                SELECT delete_rule FROM information_schema.referential_constraints
                WHERE constraint_schema = DATABASE() AND constraint_name = 'fk_servers_created_by'""", String.class)).isEqualTo("SET NULL");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'jobs' AND index_name = 'idx_jobs_completed_at'""", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT table_collation FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name = 'users'""", String.class)).isEqualTo("utf8mb4_unicode_ci");
    }

    @Test
    void migrations_apply_from_empty_to_latest_and_validate() throws Exception {
        TestSchemas.create("flyway_replay");
        var url = dataSource.getConnection().getMetaData().getURL().replaceAll("/[^/?]*(\\?.*)?$", "/flyway_replay");
        var flyway = Flyway.configure()
                .dataSource(
                        url, EmbeddedMariaDb.CONSOLE_USER, TestSchemas.server().consolePassword())
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(flyway.info().all().length);
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        jdbc.execute("DROP DATABASE flyway_replay");
    }

    private String column(String table, String column) {
        return jdbc.queryForObject("""
                SELECT column_type FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?""", String.class, table, column);
    }

    private long[] fixtureIds() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update(
                "INSERT INTO users (username, email, password_hash, role) VALUES (?, ?, 'h', 'operator')",
                "fx-" + suffix,
                "fx-" + suffix + "@example.test");
        var user = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, "fx-" + suffix);
        jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')", "fx-" + suffix);
        var playbook = jdbc.queryForObject("SELECT id FROM playbooks WHERE name = ?", Long.class, "fx-" + suffix);
        jdbc.update(
                "INSERT INTO servers (hostname, ip_address, environment_id) VALUES (?, '10.1.1.1', 1)", "fx-" + suffix);
        var server = jdbc.queryForObject("SELECT id FROM servers WHERE hostname = ?", Long.class, "fx-" + suffix);
        return new long[] {playbook, server, user};
    }
}
