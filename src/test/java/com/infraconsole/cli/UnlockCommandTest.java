package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.EmbeddedMariaDb;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** unlock --username U, run in-process as the jar runs it, on the shared embedded test database. */
@Tag("integration")
class UnlockCommandTest {

    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        server = TestSchemas.server();
    }

    @Test
    void unlock_lifts_the_lockout_and_is_audited_as_system() throws Exception {
        var name = "cli-locked-" + UUID.randomUUID().toString().substring(0, 8);
        var created =
                Cli.run(List.of("create-admin", "--username", name, "--password-stdin"), "Tall-Giraffe-Orbit-42\n");
        assertThat(created.exitCode()).as(created.all()).isZero();
        update(
                "UPDATE users SET locked_until = NOW() + INTERVAL 30 MINUTE, failed_login_attempts = 4 WHERE username = ?",
                name);

        var result = Cli.run("unlock", "--username", name);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).isEqualTo("Unlocked " + name + ".\n");
        assertThat(scalar(
                        "SELECT COUNT(*) FROM users WHERE username = ? AND locked_until IS NULL"
                                + " AND failed_login_attempts = 0",
                        name))
                .isEqualTo("1");
        var id = scalar("SELECT id FROM users WHERE username = ?", name);
        assertThat(scalar(
                        "SELECT username FROM audit_logs WHERE action = 'USER_UNLOCK' AND entity_id = ?"
                                + " ORDER BY seq DESC LIMIT 1",
                        id))
                .isEqualTo("system");
    }

    @Test
    void unlock_names_an_unknown_account_and_a_missing_option() {
        var unknown = Cli.run("unlock", "--username", "nobody-" + UUID.randomUUID());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).startsWith("unlock: no account named nobody-");
        var usage = Cli.run("unlock");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.out()).isEqualTo("Usage: unlock --username U\n");
    }

    private static void update(String sql, String arg) throws Exception {
        try (var c = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword());
                var s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            s.executeUpdate();
        }
    }

    private static String scalar(String sql, String arg) throws Exception {
        try (var c = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword());
                var s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
