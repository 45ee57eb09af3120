package com.infraconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.core.io.ClassPathResource;

/**
 * The old platform's database, built in a side schema the way its guide builds it: the SQL of its
 * Alembic revisions one after the other (db/alembic-fixture), then its sample rows.
 */
public final class OldPlatformDatabase {

    public static final String[] REVISIONS = {
        "1_initial_schema",
        "2_add_location_column",
        "3_widen_servers_description",
        "4_add_servers_created_by",
        "5_add_idx_jobs_completed_at",
        "6_seed_environments"
    };

    /** The werkzeug hashes of the sample accounts are of this password. */
    public static final String OLD_PASSWORD = "Old-Platform-Pass1";

    private OldPlatformDatabase() {}

    /** A new schema upgraded through the first {@code revisions} revisions, with sample rows (from revision 4 on) when asked. */
    public static void build(String schema, int revisions, boolean sampleRows) {
        TestSchemas.create(schema);
        Arrays.stream(REVISIONS).limit(revisions).forEach(r -> run(schema, r));
        if (sampleRows) {
            run(schema, "sample-rows");
            if (revisions == REVISIONS.length) {
                run(schema, "sample-rows-environments");
            }
        }
    }

    /** Runs SQL as the server's administrator in the schema. */
    public static void execute(String schema, String... statements) {
        var admin = TestSchemas.server().admin();
        try (var c = DriverManager.getConnection(admin.jdbcUrl(schema), admin.user(), admin.password());
                var s = c.createStatement()) {
            for (var sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The same fixture through a connection to an empty schema of another server (a Debian MariaDB
     * started by a test): all six revisions and the sample rows.
     */
    public static void build(Connection c) throws SQLException {
        for (var file : REVISIONS) {
            execute(c, statements(file));
        }
        execute(c, statements("sample-rows"));
        execute(c, statements("sample-rows-environments"));
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (var s = c.createStatement()) {
            for (var sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static void run(String schema, String file) {
        execute(schema, statements(file));
    }

    private static String[] statements(String file) {
        String text;
        try {
            text = new ClassPathResource("db/alembic-fixture/" + file + ".sql")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.stream(text.split(";\\s*\\n"))
                .map(OldPlatformDatabase::withoutComments)
                .filter(s -> !s.isBlank())
                .toArray(String[]::new);
    }

    private static String withoutComments(String sql) {
        return sql.lines()
                .filter(l -> !l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
    }
}
