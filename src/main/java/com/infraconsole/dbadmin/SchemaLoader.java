package com.infraconsole.dbadmin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a dump into a schema over JDBC, on one connection of its own: first everything in the
 * schema is dropped (tables, views, routines), so that a table a newer migration added does not
 * survive the rollback, then the dump's statements run one by one.
 */
final class SchemaLoader {

    // A dump names the account that created each trigger and routine; restoring as another
    // account would need SUPER (or SET USER) for it. They belong to the restoring account instead.
    private static final Pattern DEFINER = Pattern.compile("DEFINER=(`[^`]*`(@`[^`]*`)?|CURRENT_USER(\\(\\))?)\\s*");

    private final DumpConnection connection;

    SchemaLoader(DumpConnection connection) {
        this.connection = connection;
    }

    /** Replaces everything in {@code schema} with the dump's content; returns the statements run. */
    long load(Path dump, String schema) throws SQLException {
        try (var c = open()) {
            c.setCatalog(schema);
            try (var s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                dropEverything(c, schema);
                long[] count = {0};
                DumpContents.forEachStatement(dump, sql -> {
                    try {
                        s.execute(
                                sql.contains("DEFINER=") ? DEFINER.matcher(sql).replaceAll("") : sql);
                        count[0]++;
                    } catch (SQLException e) {
                        throw new IllegalStateException(
                                "Restore stopped at statement " + (count[0] + 1) + " (" + abbreviate(sql) + "): "
                                        + e.getMessage(),
                                e);
                    }
                });
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
                return count[0];
            }
        }
    }

    /** Exact row counts of every base table of a schema. */
    Map<String, Long> rowCounts(String schema) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var c = open();
                var s = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs = s.executeQuery("SELECT table_name FROM information_schema.TABLES WHERE table_schema = "
                    + literal(schema) + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (var t : tables) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + name(schema) + "." + name(t))) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(connection.jdbcUrl(), connection.user(), connection.password());
    }

    private static void dropEverything(Connection c, String schema) throws SQLException {
        var drops = new ArrayList<String>();
        try (var s = c.createStatement()) {
            try (var rs =
                    s.executeQuery("SELECT table_name, table_type FROM information_schema.TABLES WHERE table_schema = "
                            + literal(schema))) {
                while (rs.next()) {
                    drops.add(("VIEW".equals(rs.getString(2)) ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ")
                            + name(schema) + "." + name(rs.getString(1)));
                }
            }
            try (var rs = s.executeQuery("SELECT routine_name, routine_type FROM information_schema.ROUTINES "
                    + "WHERE routine_schema = " + literal(schema))) {
                while (rs.next()) {
                    drops.add("DROP " + rs.getString(2) + " IF EXISTS " + name(schema) + "." + name(rs.getString(1)));
                }
            }
            for (var drop : drops) {
                s.execute(drop);
            }
        }
    }

    static String name(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String abbreviate(String sql) {
        var oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
