package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.OldPlatformDatabase;
import com.infraconsole.TestSchemas;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/**
 * db-adopt on the old platform's database built as its guide builds it (all six revisions, sample
 * rows), run as the command runs in production: its own Spring context on that schema, with the
 * owner's account (which may create the scratch schemas for the shapes and the backup check).
 */
@IntegrationTest
class DbAdoptCommandTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditVerifyCommand auditVerify;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuthenticationConfiguration authConfig;

    private String schema;

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            jdbc.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void the_guide_built_database_is_baselined_migrated_and_keeps_its_data_audit_rows_and_passwords() throws Exception {
        schema = "adopt_" + UUID.randomUUID().toString().substring(0, 8);
        OldPlatformDatabase.build(schema, OldPlatformDatabase.REVISIONS.length, true);
        var old = template();
        var oldAudit = old.queryForList("SELECT * FROM audit_logs ORDER BY id");
        var oldUsers =
                old.queryForList("SELECT id, username, email, password_hash, role, is_active FROM users ORDER BY id");
        var backups = Files.createDirectories(Path.of("target/backup-tests/adopt-" + System.nanoTime()))
                .toAbsolutePath();
        var admin = TestSchemas.server().admin();

        var run = Cli.run(
                List.of("db-adopt", "--yes"),
                null,
                "--spring.datasource.url=" + admin.jdbcUrl(schema),
                "--spring.datasource.username=" + admin.user(),
                "--spring.datasource.password=" + admin.password(),
                "--infra.backup.dir=" + backups);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains(
                        "Alembic:        revision e2f81c6b9a05",
                        "Shape:          matches step 6 of 6 of the old history (Seed environments)",
                        "record Flyway's history at V5",
                        "  V6 environments",
                        "Old audit rows: 4, kept unchanged in audit_logs_legacy",
                        "Backed up first and verified: " + backups,
                        "Baselined at V5;",
                        "Old audit rows kept in audit_logs_legacy: 4");
        var db = template();
        // Flyway's history: the baseline at the old history's last step, then every newer migration.
        var history =
                db.queryForList("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank");
        assertThat(history.getFirst()).containsEntry("version", "5").containsEntry("type", "BASELINE");
        assertThat(history).extracting(r -> r.get("version")).contains("6", "7", "10", "53");
        assertThat(history).allSatisfy(r -> assertThat(r.get("success")).isIn(true, 1, (byte) 1));
        assertThat(db.queryForObject("SELECT description FROM flyway_schema_history WHERE version = '5'", String.class))
                .isEqualTo("Adopted: Alembic e2f81c6b9a05, Seed environments");
        assertThat(db.queryForObject("SELECT version_num FROM alembic_version", String.class))
                .isEqualTo("e2f81c6b9a05");

        // Data intact, in the console's shape.
        assertThat(db.queryForList("SELECT id, username, email, password_hash, role, is_active FROM users ORDER BY id"))
                .isEqualTo(oldUsers);
        assertThat(db.queryForList(
                        "SELECT s.hostname, e.name AS env, s.location, s.created_by, s.ssh_port FROM servers s "
                                + "JOIN environments e ON e.id = s.environment_id ORDER BY s.id"))
                .containsExactly(
                        row("web-01.infra.example", "production", "eu-west rack 4", 1L, 22),
                        row("db-01.infra.example", "staging", null, 2L, 2222),
                        row("dev-01.infra.example", "development", "office", null, 22));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM environments", Long.class))
                .isEqualTo(4);
        assertThat(db.queryForObject("SELECT name FROM environments WHERE id = 4", String.class))
                .isEqualTo("qa");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM job_logs", Long.class))
                .isEqualTo(4);
        assertThat(db.queryForList("SELECT job_id, server_id FROM job_targets ORDER BY job_id"))
                .extracting(r -> r.get("server_id"))
                .containsExactly(1L, 2L);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM tickets", Long.class))
                .isEqualTo(2);
        assertThat(db.queryForList(
                        "SELECT table_name FROM information_schema.TABLES WHERE table_schema = ? "
                                + "AND table_name LIKE 'alembic\\_env%'",
                        String.class, schema))
                .isEmpty();

        // The old audit rows: untouched, outside the chain; the chain starts with the adoption.
        assertThat(db.queryForList("SELECT * FROM audit_logs_legacy ORDER BY id"))
                .isEqualTo(oldAudit);
        assertThatThrownBy(() -> db.update("UPDATE audit_logs_legacy SET action = 'login' WHERE id = 2"))
                .hasMessageContaining("audit_logs_legacy is append-only");
        assertThatThrownBy(() -> db.update("DELETE FROM audit_logs_legacy WHERE id = 1"))
                .hasMessageContaining("audit_logs_legacy is append-only");
        var chain = db.queryForList("SELECT seq, action, username, changes FROM audit_logs ORDER BY seq");
        assertThat(chain).extracting(r -> r.get("action")).containsExactly("DB_BACKUP", "DB_ADOPT");
        assertThat((String) chain.get(1).get("changes"))
                .contains(
                        "\"alembic_revision\":[null,\"e2f81c6b9a05\"]",
                        "\"legacy_audit_rows\":[null,4]",
                        "legacy_audit_sha256",
                        "\"baseline_version\":[null,\"5\"]");
        var verified = runHere(auditVerify, "--schema", schema);
        assertThat(verified).contains("2 rows verified");

        // An old account logs in with its werkzeug hash, as adopted, and has a bcrypt hash afterwards.
        var adoptedHash = db.queryForObject("SELECT password_hash FROM users WHERE username = 'admin'", String.class);
        assertThat(adoptedHash).startsWith("scrypt:16384:8:1$");
        var account = testUsers.create(Role.ADMIN);
        jdbc.update("UPDATE users SET password_hash = ? WHERE id = ?", adoptedHash, account.getId());
        var signedIn = authConfig
                .getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                        account.getUsername(), OldPlatformDatabase.OLD_PASSWORD));
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, account.getId()))
                .startsWith("$2");

        // Adopting twice is refused: the schema is Flyway's now.
        var again = Cli.run(
                List.of("db-adopt", "--dry-run"),
                null,
                "--spring.datasource.url=" + admin.jdbcUrl(schema),
                "--spring.datasource.username=" + admin.user(),
                "--spring.datasource.password=" + admin.password());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("db-adopt refused: the schema is already managed by Flyway");
    }

    private static Map<String, Object> row(String host, String env, String location, Long createdBy, int port) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("hostname", host);
        m.put("env", env);
        m.put("location", location);
        m.put("created_by", createdBy);
        m.put("ssh_port", port);
        return m;
    }

    private JdbcTemplate template() throws Exception {
        var admin = TestSchemas.server().admin();
        return new JdbcTemplate(
                new SingleConnectionDataSource(admin.jdbcUrl(schema), admin.user(), admin.password(), true));
    }

    private static String runHere(CliCommand command, String... args) {
        var out = new ByteArrayOutputStream();
        SystemAuthentication.call(() -> command.run(
                List.of(args),
                new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }
}
