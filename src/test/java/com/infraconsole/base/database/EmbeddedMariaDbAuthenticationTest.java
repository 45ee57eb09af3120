package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.TestSchemas;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded server lets in only the two accounts of its credentials file, each with its password. */
@Tag("integration")
class EmbeddedMariaDbAuthenticationTest {

    static EmbeddedMariaDb server;

    @BeforeAll
    static void startServer() {
        // The test JVM's one embedded server, the one every @IntegrationTest context uses.
        server = TestSchemas.server();
    }

    @Test
    void root_with_an_empty_password_is_refused() {
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(""), "root", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied for user 'root'");
    }

    @Test
    void the_console_account_with_a_wrong_password_or_none_is_refused() {
        assertThatThrownBy(() -> DriverManager.getConnection(
                                server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword() + "x")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, "")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void an_unknown_account_with_no_password_is_refused() {
        // mysql_install_db creates anonymous accounts; the console removes them.
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(""), "nobody", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void the_console_account_works_in_its_schema_only() throws Exception {
        try (var c = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, server.consolePassword());
                var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT CURRENT_USER()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("infra_console@localhost");
            // What the Database screen reads besides its own schema.
            assertThat(s.executeQuery("SELECT COUNT(*) FROM performance_schema.table_io_waits_summary_by_index_usage")
                            .next())
                    .isTrue();
            assertThat(s.executeQuery("SELECT COUNT(*) FROM sys.schema_redundant_indexes")
                            .next())
                    .isTrue();
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM mysql.global_priv"))
                    .hasMessageContaining("command denied");
            assertThatThrownBy(() -> s.execute("CREATE DATABASE not_the_console_schema"))
                    .hasMessageContaining("Access denied");
            assertThatThrownBy(() -> s.execute("CREATE USER 'intruder'@'%'")).hasMessageContaining("Access denied");
        }
    }

    @Test
    void root_gets_in_with_the_password_of_the_credentials_file() throws Exception {
        var admin = server.admin();
        assertThat(admin.binDir().resolve("mariadb-dump")).isExecutable();
        assertThat(admin.toString()).doesNotContain(admin.password());
        var file = Files.readString(admin.optionFile());
        assertThat(file)
                .contains(
                        "[client]",
                        "user=root",
                        "password=" + admin.password(),
                        "port=" + server.port(),
                        "[infra-console]",
                        "user=infra_console",
                        "password=" + server.consolePassword());
        try (var c = DriverManager.getConnection(url(""), admin.user(), admin.password())) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void the_credentials_file_is_readable_by_its_owner_only() throws Exception {
        var file = server.dataDir().resolve("mariadb-credentials.cnf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        // The init file that set the accounts up is gone once the server runs.
        assertThat(server.dataDir().resolve("mariadb-init.sql")).doesNotExist();
    }

    private static String url(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + schema;
    }
}
