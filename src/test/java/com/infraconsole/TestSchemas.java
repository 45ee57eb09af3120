package com.infraconsole;

import com.infraconsole.base.database.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Side schemas on the shared embedded test server. The console's account has rights on its own
 * schema only, so a schema of a test's own is created by root and granted to that account, as an
 * operator would do on a real server.
 */
public final class TestSchemas {

    private TestSchemas() {}

    /**
     * The test JVM's data directory (infra.data-dir): target/test-db, or one per failsafe fork
     * (target/test-db-1, -2...), so that parallel forks never share, nor wipe, each other's server.
     */
    public static Path dataDir() {
        return Path.of(System.getProperty("infra.data-dir", "target/test-db"));
    }

    /** The JVM's embedded test server (the one every @IntegrationTest context uses). */
    public static EmbeddedMariaDb server() {
        return EmbeddedMariaDb.start(dataDir(), 0, true);
    }

    /** Creates the schema (utf8mb4, empty: a leftover is dropped) and lets the console's account do anything in it. */
    public static void create(String schema) {
        if (!schema.matches("\\w+")) {
            throw new IllegalArgumentException(schema);
        }
        var admin = server().admin();
        try (var c = DriverManager.getConnection(admin.jdbcUrl(""), admin.user(), admin.password());
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + EmbeddedMariaDb.CONSOLE_USER + "'@'localhost'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test schema " + schema, e);
        }
    }
}
