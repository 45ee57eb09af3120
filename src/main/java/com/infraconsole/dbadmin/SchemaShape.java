package com.infraconsole.dbadmin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shape of some tables of a schema as information_schema tells it: columns (type and
 * nullability), indexes (name, uniqueness, columns in order), foreign keys and check constraints
 * by name. Defaults, comments and collations are left out: later migrations do not depend on them,
 * while they name the indexes and constraints they drop or change.
 *
 * @param tables table name to its items, each keyed "column x", "index x", "foreign key x", "check x"
 */
record SchemaShape(Map<String, Map<String, String>> tables) {

    static SchemaShape read(Connection c, String schema, Set<String> skip) throws SQLException {
        var tables = new TreeMap<String, Map<String, String>>();
        query(
                c,
                "SELECT table_name, column_name, column_type, is_nullable FROM information_schema.COLUMNS "
                        + "WHERE table_schema = ? ORDER BY table_name, ordinal_position",
                schema,
                r -> {
                    put(tables, skip, r[0], "column " + r[1], r[2] + ("YES".equals(r[3]) ? " NULL" : " NOT NULL"));
                });
        query(
                c,
                "SELECT table_name, index_name, MIN(non_unique), GROUP_CONCAT(column_name ORDER BY seq_in_index "
                        + "SEPARATOR ', ') FROM information_schema.STATISTICS WHERE table_schema = ? "
                        + "GROUP BY table_name, index_name",
                schema,
                r -> {
                    put(tables, skip, r[0], "index " + r[1], ("0".equals(r[2]) ? "UNIQUE " : "") + "(" + r[3] + ")");
                });
        query(
                c,
                "SELECT k.table_name, k.constraint_name, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position "
                        + "SEPARATOR ', '), MIN(k.referenced_table_name), GROUP_CONCAT(k.referenced_column_name ORDER BY "
                        + "k.ordinal_position SEPARATOR ', '), MIN(r.delete_rule) FROM information_schema.KEY_COLUMN_USAGE k "
                        + "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.constraint_schema = k.constraint_schema "
                        + "AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name "
                        + "WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL "
                        + "GROUP BY k.table_name, k.constraint_name",
                schema,
                r -> {
                    put(
                            tables,
                            skip,
                            r[0],
                            "foreign key " + r[1],
                            "(" + r[2] + ") REFERENCES " + r[3] + " (" + r[4] + ") ON DELETE " + r[5]);
                });
        query(
                c,
                "SELECT table_name, constraint_name FROM information_schema.TABLE_CONSTRAINTS "
                        + "WHERE constraint_schema = ? AND constraint_type = 'CHECK'",
                schema,
                r -> {
                    put(tables, skip, r[0], "check " + r[1], "");
                });
        return new SchemaShape(tables);
    }

    /** What {@code actual} has that this shape has not, and the reverse, one line each, tables in order. */
    List<String> differencesFrom(SchemaShape actual) {
        var out = new ArrayList<String>();
        var names = new java.util.TreeSet<>(tables.keySet());
        names.addAll(actual.tables.keySet());
        for (var table : names) {
            var want = tables.get(table);
            var have = actual.tables.get(table);
            if (want == null) {
                out.add("table " + table + " is there but should not be");
            } else if (have == null) {
                out.add("table " + table + " is missing");
            } else {
                var items = new java.util.TreeSet<>(want.keySet());
                items.addAll(have.keySet());
                for (var item : items) {
                    var w = want.get(item);
                    var h = have.get(item);
                    if (h == null) {
                        out.add(table + ": " + item + " " + w + " is missing");
                    } else if (w == null) {
                        out.add(table + ": " + item + " " + h + " is there but should not be");
                    } else if (!w.equals(h)) {
                        out.add(table + ": " + item + " is " + h + ", expected " + w);
                    }
                }
            }
        }
        return out;
    }

    /** This shape with one more table from {@code other}. */
    SchemaShape with(String table, SchemaShape other) {
        var copy = new TreeMap<>(tables);
        copy.put(table, other.tables.get(table));
        return new SchemaShape(copy);
    }

    private static void put(
            Map<String, Map<String, String>> tables, Set<String> skip, String table, String item, String value) {
        if (!skip.contains(table)) {
            tables.computeIfAbsent(table, t -> new TreeMap<>()).put(item, value.strip());
        }
    }

    private interface Row {
        void accept(String[] columns) throws SQLException;
    }

    private static void query(Connection c, String sql, String schema, Row row) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (var rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var columns = new String[n];
                    for (int i = 0; i < n; i++) {
                        columns[i] = rs.getString(i + 1);
                    }
                    row.accept(columns);
                }
            }
        }
    }
}
