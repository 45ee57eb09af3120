package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.base.database.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** create-token, run in-process as the jar runs it, on the shared embedded test database. */
@Tag("integration")
class CreateTokenCommandTest {

    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMariaDb.start(Path.of("target/test-db"), 0, true);
    }

    @Test
    void create_token_prints_the_token_alone_last_stores_only_its_hash_and_is_audited() throws Exception {
        var name = "cli-tok-" + UUID.randomUUID().toString().substring(0, 8);
        var created =
                Cli.run(List.of("create-admin", "--username", name, "--password-stdin"), "Tall-Giraffe-Orbit-42\n");
        assertThat(created.exitCode()).as(created.all()).isZero();

        var result =
                Cli.run("create-token", "--username", name, "--name", "deploy", "--expires-days", "7", "--read-only");

        assertThat(result.exitCode()).as(result.all()).isZero();
        var lines = result.out().strip().lines().toList();
        var token = lines.getLast();
        assertThat(token).matches("ic_pat_[A-Za-z0-9_-]{43}");
        assertThat(result.out()).contains("(read-only)");
        var hash = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(scalar(
                        "SELECT CONCAT(name, ' ', read_only, ' ', DATEDIFF(expires_at, created_at)) FROM api_tokens"
                                + " WHERE token_hash = ?",
                        hash))
                .isEqualTo("deploy 1 7");
        assertThat(scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?", token))
                .isEqualTo("0");
        assertThat(scalar("SELECT username FROM audit_logs WHERE action = 'TOKEN_CREATE' ORDER BY seq DESC LIMIT 1"))
                .isEqualTo("system");
        assertThat(scalar("SELECT COUNT(*) FROM audit_logs WHERE changes LIKE ?", "%" + hash + "%"))
                .isEqualTo("0");

        var refused = Cli.run("create-token", "--username", name, "--name", "x", "--expires-days", "400");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("A token expires after 1 to 365 days");
        assertThat(Cli.run("create-token", "--name", "x").exitCode()).isEqualTo(2);
    }

    private static String scalar(String sql, Object... args) throws Exception {
        try (var c = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword());
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
