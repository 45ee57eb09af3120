package com.infraconsole.base.database;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps one table partitioned by calendar month (UTC), the layout audit_logs and job_logs share:
 * {@code PARTITION BY RANGE COLUMNS (time)} with one partition per month named {@code pYYYYMM}
 * (the first one also holds everything older) and an open-ended {@code p_future}. A run splits the
 * current and next {@link #MONTHS_AHEAD} months off p_future before any row reaches them (so the
 * split moves no rows and is instant), then drops every month that ended on or before a cut-off:
 * expiry is DDL, with no row locks and no DELETE of millions of rows.
 *
 * <p>One node at a time: the run holds a named database lock ({@link NodeLock}) and does its DDL on
 * that session with a short lock_wait_timeout, so a DROP waiting behind a long reader gives up
 * instead of queueing every write to the table behind it; the next run catches up. What a table
 * must do before a month goes (audit: record the chain anchor; job logs: expire logs whole) is its
 * {@link BeforeDrop}. See docs/decisions/010-audit-retention.md and 060-partitioned-job-logs.md.
 */
public final class MonthlyPartitions {

    /** How many months after the current one exist ahead of time. */
    public static final int MONTHS_AHEAD = 2;

    public static final String FUTURE = "p_future";

    private static final Logger log = LoggerFactory.getLogger(MonthlyPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z0-9_]+\\.)?[A-Za-z0-9_]+");

    /** A range partition; p_future has no upper bound. */
    public record Partition(String name, LocalDate upperBound) {}

    /** Runs on the session holding the lock, before {@code month} is dropped; throwing keeps the month. */
    @FunctionalInterface
    public interface BeforeDrop {
        void prepare(JdbcTemplate session, Partition month, Partition next);
    }

    private final String table;
    private final String lockName;
    private final Duration lockWait;

    /** @param table the table, optionally schema-qualified ({@code schema.table}) */
    public MonthlyPartitions(String table, String lockName, Duration lockWait) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.table = table;
        this.lockName = lockName;
        this.lockWait = lockWait;
    }

    /**
     * Adds the months up to {@link #MONTHS_AHEAD} after {@code now}'s, then drops, oldest first, every
     * month whose end is on or before {@code dropBefore} (null: drops nothing).
     *
     * @return the partitions dropped, or empty when another node holds the lock and this run did nothing
     */
    public Optional<List<Partition>> maintain(
            JdbcTemplate jdbc, Instant now, LocalDate dropBefore, BeforeDrop beforeDrop) {
        return NodeLock.run(jdbc, lockName, session -> {
            try {
                session.execute("SET SESSION lock_wait_timeout = " + Math.max(1, lockWait.toSeconds()));
                return maintainLocked(session, now, dropBefore, beforeDrop);
            } finally {
                session.execute("SET SESSION lock_wait_timeout = DEFAULT");
            }
        });
    }

    private List<Partition> maintainLocked(
            JdbcTemplate session, Instant now, LocalDate dropBefore, BeforeDrop beforeDrop) {
        var thisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
            addMonth(session, thisMonth.plusMonths(ahead));
        }
        var dropped = new ArrayList<Partition>();
        if (dropBefore == null) {
            return dropped;
        }
        var all = partitions(session);
        for (int i = 0; i < all.size() - 1; i++) { // the last one is p_future
            var p = all.get(i);
            if (p.upperBound() == null || p.upperBound().isAfter(dropBefore)) {
                break;
            }
            if (!mayDropPartitions(session)) {
                throw new IllegalStateException("the database account may not drop partitions of " + table
                        + " (needs ALTER and DROP): nothing dropped; run retention as the owner account");
            }
            beforeDrop.prepare(session, p, all.get(i + 1));
            session.execute("ALTER TABLE " + table + " DROP PARTITION " + p.name());
            log.info("Partition {} of {} dropped (everything before {})", p.name(), table, p.upperBound());
            dropped.add(p);
        }
        return dropped;
    }

    /** The range partitions of the table, oldest first; empty when it is not partitioned. */
    public List<Partition> partitions(JdbcTemplate jdbc) {
        var schemaAndTable = table.split("\\.");
        var schema = schemaAndTable.length == 2 ? "'" + schemaAndTable[0] + "'" : "DATABASE()";
        return jdbc.query(
                "SELECT partition_name, partition_description FROM information_schema.partitions "
                        + "WHERE table_schema = " + schema + " AND table_name = ? AND partition_name IS NOT NULL "
                        + "ORDER BY partition_ordinal_position",
                (rs, i) -> new Partition(rs.getString(1), bound(rs.getString(2))),
                schemaAndTable[schemaAndTable.length - 1]);
    }

    private void addMonth(JdbcTemplate session, LocalDate month) {
        var upper = month.plusMonths(1);
        if (partitions(session).stream()
                .anyMatch(p -> p.upperBound() != null && !p.upperBound().isBefore(upper))) {
            return; // already covered
        }
        var name = NAME.format(month);
        session.execute("ALTER TABLE " + table + " REORGANIZE PARTITION " + FUTURE + " INTO (PARTITION " + name
                + " VALUES LESS THAN ('" + upper + "'), PARTITION " + FUTURE + " VALUES LESS THAN (MAXVALUE))");
        log.info("Partition {} of {} added", name, table);
    }

    /**
     * Whether the account may ALTER and DROP the table, as far as information_schema shows it. No
     * visible privilege at all means grants are not enforced (the embedded database) or not
     * readable; the DROP itself then decides.
     */
    private boolean mayDropPartitions(JdbcTemplate jdbc) {
        var schemaAndTable = table.split("\\.");
        var schema =
                schemaAndTable.length == 2 ? schemaAndTable[0] : jdbc.queryForObject("SELECT DATABASE()", String.class);
        var name = schemaAndTable[schemaAndTable.length - 1];
        // An account that may read the grant tables sees every account's rows: keep its own.
        var me =
                "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
        var privileges = jdbc.queryForList(
                "SELECT privilege_type FROM information_schema.user_privileges WHERE grantee = " + me
                        + " UNION ALL SELECT privilege_type FROM information_schema.schema_privileges WHERE grantee = "
                        + me
                        + " AND ? LIKE table_schema UNION ALL SELECT privilege_type FROM information_schema.table_privileges"
                        + " WHERE grantee = " + me + " AND table_schema = ? AND table_name = ?",
                String.class,
                schema,
                schema,
                name);
        return privileges.isEmpty() || privileges.contains("ALTER") && privileges.contains("DROP");
    }

    /** '2026-01-01' or '2026-01-01 00:00:00' (quoted, as MariaDB and MySQL show it) or MAXVALUE. */
    static LocalDate bound(String description) {
        if (description == null || description.toUpperCase().contains("MAXVALUE")) {
            return null;
        }
        return LocalDate.parse(description.replace("'", "").trim().substring(0, 10));
    }
}
