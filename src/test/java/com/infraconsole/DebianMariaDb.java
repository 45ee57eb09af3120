package com.infraconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's own MariaDB server (package mariadb-server), started by a test as a process of its own:
 * a fresh data directory under target/, a free port on 127.0.0.1, grants enforced, and the two
 * accounts docs/operations.md prescribes: an owner with DDL on the schema (migrations, backups,
 * restores) and a runtime account held to DML. Every account has a generated password; the
 * accounts are made by the server's --init-file before it accepts any connection.
 */
public final class DebianMariaDb implements AutoCloseable {

    public static final String SCHEMA = "infra_console";
    public static final String OWNER = "infra_owner";
    public static final String RUNTIME = "infra_app";
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private final Process process;
    private final Path dir;
    private final int port;
    private final String rootPassword;
    private final String ownerPassword;
    private final String runtimePassword;

    private DebianMariaDb(
            Process process, Path dir, int port, String rootPassword, String ownerPassword, String runtimePassword) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.rootPassword = rootPassword;
        this.ownerPassword = ownerPassword;
        this.runtimePassword = runtimePassword;
    }

    /** Skips the test where the package is missing, except in CI, where prerequisites.sh installs it. */
    public static DebianMariaDb start() {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "Debian's mariadb-server is missing; scripts/prerequisites.sh installs it");
            }
            Assumptions.abort("No Debian mariadb-server (" + SERVER + ")");
        }
        try {
            var dir = Files.createDirectories(Path.of("target", "debian-mariadb", Long.toString(System.nanoTime())))
                    .toAbsolutePath();
            var osUser = System.getProperty("user.name");
            run(
                    List.of(
                            INSTALL_DB.toString(),
                            "--no-defaults",
                            "--datadir=" + dir.resolve("data"),
                            "--user=" + osUser,
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db"),
                    dir.resolve("install.log"));
            String root = password();
            String owner = password();
            String runtime = password();
            var init = dir.resolve("init.sql");
            Files.writeString(init, accountsSql(root, owner, runtime));
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var process = new ProcessBuilder(
                            SERVER.toString(),
                            "--no-defaults",
                            "--datadir=" + dir.resolve("data"),
                            "--socket=" + dir.resolve("mysqld.sock"),
                            "--pid-file=" + dir.resolve("mysqld.pid"),
                            "--port=" + port,
                            "--bind-address=127.0.0.1",
                            "--skip-name-resolve",
                            "--skip-log-bin",
                            "--init-file=" + init,
                            "--character-set-server=utf8mb4",
                            "--collation-server=utf8mb4_unicode_ci",
                            "--user=" + osUser,
                            "--log-error=" + dir.resolve("error.log"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.out").toFile())
                    .start();
            // A test JVM that is killed must not leave the server behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            var server = new DebianMariaDb(process, dir, port, root, owner, runtime);
            server.awaitReady();
            Files.delete(init); // it held password hashes only, but need not stay
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What docs/operations.md tells an operator to run, for the schema and its verification scratch schemas. */
    static String accountsSql(String root, String owner, String runtime) {
        var o = "'" + OWNER + "'@'127.0.0.1'";
        var r = "'" + RUNTIME + "'@'127.0.0.1'";
        return String.join(
                "\n",
                "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + root + "';",
                "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '" + root + "';",
                "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN ('localhost', '127.0.0.1');",
                "CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER " + o + " IDENTIFIED BY '" + owner + "';",
                "GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO " + o + ";",
                "GRANT ALL PRIVILEGES ON `" + SCHEMA + "\\_verify\\_%`.* TO " + o + ";",
                "CREATE USER " + r + " IDENTIFIED BY '" + runtime + "';",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + SCHEMA + ".* TO " + r + ";",
                "GRANT SELECT ON performance_schema.* TO " + r + ";",
                "GRANT SELECT, EXECUTE ON sys.* TO " + r + ";",
                "FLUSH PRIVILEGES;",
                "");
    }

    private void awaitReady() {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (var c = owner()) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException(
                            "Debian MariaDB did not start: " + e.getMessage() + "; see " + dir + "/error.log", e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    public String url() {
        return url(SCHEMA);
    }

    public String url(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    public int port() {
        return port;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String runtimePassword() {
        return runtimePassword;
    }

    public Connection owner() throws SQLException {
        return DriverManager.getConnection(url(), OWNER, ownerPassword);
    }

    public Connection runtime() throws SQLException {
        return DriverManager.getConnection(url(), RUNTIME, runtimePassword);
    }

    public Connection root() throws SQLException {
        return DriverManager.getConnection(url(), "root", rootPassword);
    }

    /** Spring arguments for a console on this server: the runtime account as datasource, the owner for DDL. */
    public String[] springArgs(String... more) {
        return springArgsFor(SCHEMA, more);
    }

    /** The same for another schema on this server, which the test gave both accounts. */
    public String[] springArgsFor(String schema, String... more) {
        var args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + url(schema),
                "--spring.datasource.username=" + RUNTIME,
                "--spring.datasource.password=" + runtimePassword,
                "--infra.database.owner.username=" + OWNER,
                "--infra.database.owner.password=" + ownerPassword));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Stops the server (SIGTERM: a clean shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String password() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void run(List<String> command, Path log) throws IOException {
        try {
            var p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
