package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.DbAdminModel.ForeignKey;
import com.infraconsole.dbadmin.DbAdminModel.IndexInfo;
import com.infraconsole.dbadmin.DbAdminModel.RedundantIndex;
import com.infraconsole.dbadmin.DbAdminModel.RedundantIndexReport;
import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import com.infraconsole.dbadmin.DbAdminModel.UnusedIndex;
import com.infraconsole.dbadmin.DbAdminModel.UnusedIndexReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The old platform's hand-run MySQL queries (database guide, "Useful SQL Queries" and the
 * foreign key check) on the console's own schema, {@code DATABASE()}. Works on MariaDB 10.11
 * and MySQL 8: columns are read by position because information_schema labels differ in case.
 * Takes a JdbcTemplate, not the DataSource bean, so tests can point it at a second server.
 */
class DbAdminQueries {

    static final String PERFORMANCE_SCHEMA_OFF = "performance_schema is OFF on this server, so index use is not "
            + "counted and unused indexes cannot be listed. To turn it on, add performance_schema=ON under "
            + "[mysqld] (or [mariadbd]) in my.cnf and restart the database server; counting starts at that restart.";
    static final String PERFORMANCE_SCHEMA_DENIED = "performance_schema is ON, but the console's database account is "
            + "not allowed to read performance_schema, so unused indexes cannot be listed. The rest of the screen "
            + "does not need it. A database administrator can allow it with:";
    static final String SYS_DENIED = "The console's database account is not allowed to read the sys schema, so "
            + "redundant indexes cannot be listed. The rest of the screen does not need it. A database administrator "
            + "can allow it with:";
    static final String SYS_MISSING = "The sys schema view schema_redundant_indexes is not available on this server "
            + "(MariaDB 10.6+ and MySQL 8 have it), so redundant indexes cannot be listed.";

    /**
     * MariaDB's and MySQL's "not allowed" errors: database (1044), table (1142), column (1143),
     * global privilege (1227), and a view whose invoker may not read what it reads (1356).
     */
    private static final Set<Integer> ACCESS_DENIED = Set.of(1044, 1142, 1143, 1227, 1356);

    private static final Logger log = LoggerFactory.getLogger(DbAdminQueries.class);

    private final JdbcTemplate jdbc;

    DbAdminQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Duration uptime() {
        var rows = jdbc.query("SHOW GLOBAL STATUS LIKE 'Uptime'", (rs, i) -> rs.getLong(2));
        return Duration.ofSeconds(rows.isEmpty() ? 0 : rows.getFirst());
    }

    boolean performanceSchemaOn() {
        var value = jdbc.queryForObject("SELECT @@performance_schema", String.class);
        return "1".equals(value) || "ON".equalsIgnoreCase(value);
    }

    List<TableSize> tableSizes() {
        return jdbc.query(
                """
                SELECT table_name, engine, COALESCE(table_rows, 0), COALESCE(data_length, 0), COALESCE(index_length, 0)
                FROM information_schema.TABLES
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                ORDER BY COALESCE(data_length, 0) + COALESCE(index_length, 0) DESC, table_name""",
                (rs, i) -> new TableSize(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        "InnoDB".equalsIgnoreCase(rs.getString(2)),
                        rs.getLong(4),
                        rs.getLong(5)));
    }

    /** An exact COUNT(*); the name must be one of this schema's tables (it is quoted, never trusted). */
    Optional<Long> exactCount(String table) {
        var known = tableSizes().stream()
                .map(TableSize::table)
                .filter(t -> t.equals(table))
                .findFirst();
        return known.map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM `" + t.replace("`", "``") + "`", Long.class));
    }

    /** The lint's view of the live schema: size estimates read once, column types as asked. */
    MigrationLint.Schema lintSchema() {
        var sizes = new java.util.HashMap<String, TableSize>();
        tableSizes().forEach(t -> sizes.put(t.table().toLowerCase(java.util.Locale.ROOT), t));
        return new MigrationLint.Schema() {
            @Override
            public Optional<TableSize> table(String name) {
                return Optional.ofNullable(sizes.get(name.toLowerCase(java.util.Locale.ROOT)));
            }

            @Override
            public Optional<String> columnType(String table, String column) {
                return jdbc.queryForList("""
                        SELECT column_type FROM information_schema.COLUMNS
                        WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?""", String.class, table, column).stream()
                        .findFirst();
            }
        };
    }

    List<IndexInfo> indexes() {
        return jdbc.query(
                """
                SELECT table_name, index_name,
                       GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', '),
                       COALESCE(MAX(cardinality), 0), MIN(non_unique), MAX(index_type)
                FROM information_schema.STATISTICS
                WHERE table_schema = DATABASE()
                GROUP BY table_name, index_name
                ORDER BY table_name, index_name""",
                (rs, i) -> new IndexInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getInt(5) == 0,
                        rs.getString(6)));
    }

    /**
     * Secondary indexes with no I/O through them since the server started. Primary and unique
     * keys are left out: they guard data even when no query reads through them.
     */
    UnusedIndexReport unusedIndexes() {
        var uptime = uptime();
        if (!performanceSchemaOn()) {
            return new UnusedIndexReport(false, uptime, List.of(), PERFORMANCE_SCHEMA_OFF, null);
        }
        var unique = new HashSet<String>();
        indexes().stream().filter(IndexInfo::unique).forEach(ix -> unique.add(ix.table() + "." + ix.index()));
        List<UnusedIndex> rows;
        try {
            rows = jdbc.query("""
                    SELECT object_name, index_name
                    FROM performance_schema.table_io_waits_summary_by_index_usage
                    WHERE object_schema = DATABASE() AND index_name IS NOT NULL AND index_name <> 'PRIMARY'
                      AND count_star = 0
                    ORDER BY object_name, index_name""", (rs, i) -> new UnusedIndex(rs.getString(1), rs.getString(2)));
        } catch (DataAccessException e) {
            if (!accessDenied(e)) {
                throw e;
            }
            return new UnusedIndexReport(
                    false,
                    uptime,
                    List.of(),
                    PERFORMANCE_SCHEMA_DENIED,
                    "GRANT SELECT ON performance_schema.* TO " + account());
        }
        var unused = rows.stream()
                .filter(u -> !unique.contains(u.table() + "." + u.index()))
                .toList();
        return new UnusedIndexReport(
                true,
                uptime,
                unused,
                "Counted by performance_schema since the server started " + DbAdminText.duration(uptime)
                        + " ago; an index used only by monthly jobs may look unused.",
                null);
    }

    /** sys.schema_redundant_indexes (MySQL 8, MariaDB 10.6+); reports why when it is not there. */
    RedundantIndexReport redundantIndexes() {
        try {
            var rows = jdbc.query(
                    """
                    SELECT table_name, redundant_index_name, redundant_index_columns,
                           dominant_index_name, dominant_index_columns, sql_drop_index
                    FROM sys.schema_redundant_indexes
                    WHERE table_schema = DATABASE()
                    ORDER BY table_name, redundant_index_name""",
                    (rs, i) -> new RedundantIndex(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
            return new RedundantIndexReport(true, rows, "From sys.schema_redundant_indexes.", null);
        } catch (DataAccessException e) {
            if (accessDenied(e)) {
                return new RedundantIndexReport(false, List.of(), SYS_DENIED, "GRANT SELECT ON sys.* TO " + account());
            }
            // The driver's text names the account and the statement: the log gets it, the screen does not.
            log.warn(
                    "sys.schema_redundant_indexes cannot be read: {}",
                    e.getMostSpecificCause().getMessage());
            return new RedundantIndexReport(false, List.of(), SYS_MISSING, null);
        }
    }

    /** The account the server checks privileges against, quoted for a GRANT: 'user'@'host'. */
    String account() {
        var current = jdbc.queryForObject("SELECT CURRENT_USER()", String.class);
        int at = current.lastIndexOf('@');
        return at < 0 ? quote(current) : quote(current.substring(0, at)) + "@" + quote(current.substring(at + 1));
    }

    private static String quote(String part) {
        return "'" + part.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static boolean accessDenied(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ACCESS_DENIED.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** The old guide's verification query, with each constraint's ON DELETE rule. */
    List<ForeignKey> foreignKeys() {
        return jdbc.query(
                """
                SELECT k.table_name, k.column_name, k.constraint_name, k.referenced_table_name,
                       k.referenced_column_name, r.delete_rule
                FROM information_schema.KEY_COLUMN_USAGE k
                JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                  ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
                 AND r.table_name = k.table_name
                WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
                ORDER BY k.table_name, k.constraint_name, k.ordinal_position""",
                (rs, i) -> new ForeignKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
    }
}
