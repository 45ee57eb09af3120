package com.infraconsole.audit;

import com.infraconsole.base.database.NodeLock;
import com.infraconsole.base.database.OwnerAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps audit_logs partitioned by month and expires whole months: it splits next months off the
 * open-ended p_future partition ahead of time, and drops months older than the retention after
 * recording the last dropped row as the chain's new anchor. No row is ever DELETEd (the trigger
 * would refuse). See docs/decisions/010-audit-retention.md.
 *
 * <p>One node at a time: the run holds a named database lock (GET_LOCK) on its own connection, and
 * a node that does not get it at once leaves the work to the holder. The DDL runs on that
 * connection with a short lock_wait_timeout, so it gives up instead of queueing every audited
 * write behind a long reader. The anchor is recorded before the DROP, and only when the account
 * may drop partitions; if the DROP still fails, the verifier walks the rows that stayed and checks
 * they reach the anchor's hash, and the next run finds the anchor recorded and drops the month.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");

    record Partition(String name, LocalDate upperBound) {}

    private final JdbcTemplate jdbc;
    private final JdbcTemplate ddl;
    private final Clock clock;
    private final int months;
    private final Duration lockWait;

    @Autowired
    AuditRetention(JdbcTemplate jdbc, OwnerAccount owner, Clock clock,
            @Value("${infra.audit.retention-months:13}") int months,
            @Value("${infra.audit.retention-lock-wait:PT5S}") Duration lockWait) {
        this(jdbc, owner.separate() ? owner.jdbc() : jdbc, clock, months, lockWait);
    }

    AuditRetention(JdbcTemplate jdbc, Clock clock, int months, Duration lockWait) {
        this(jdbc, jdbc, clock, months, lockWait);
    }

    private AuditRetention(JdbcTemplate jdbc, JdbcTemplate ddl, Clock clock, int months, Duration lockWait) {
        this.jdbc = jdbc;
        this.ddl = ddl;
        this.clock = clock;
        this.months = months;
        this.lockWait = lockWait;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT6H")
    void maintain() {
        try {
            maintain(ChainTables.DEFAULT, clock.instant());
        } catch (RuntimeException e) {
            // A DDL that timed out behind a reader, or a missing privilege: the next run catches up.
            log.warn("Audit partition maintenance did not complete: {}", e.getMessage());
        }
    }

    /** @return false when another node holds the retention lock and this run did nothing */
    boolean maintain(ChainTables t, Instant now) {
        // As the schema's owner: partition DDL is beyond a DML-only console account.
        var ran = NodeLock.run(ddl, "infra_audit_retention:" + t.logs(), session -> {
            try {
                session.execute("SET SESSION lock_wait_timeout = " + Math.max(1, lockWait.toSeconds()));
                maintain(session, t, now);
                return true;
            } finally {
                session.execute("SET SESSION lock_wait_timeout = DEFAULT");
            }
        });
        if (ran.isEmpty()) {
            log.info("Audit retention skipped: another node is running it");
        }
        return ran.isPresent();
    }

    private void maintain(JdbcTemplate jdbc, ChainTables t, Instant now) {
        var thisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        for (int ahead = 0; ahead <= 2; ahead++) {
            addMonth(jdbc, t, thisMonth.plusMonths(ahead));
        }
        var cutoff = thisMonth.minusMonths(months);
        for (var p : partitions(jdbc, t)) {
            if (p.upperBound() != null && !p.upperBound().isAfter(cutoff)) {
                drop(jdbc, t, p);
            }
        }
    }

    /** The range partitions of the table, oldest first; p_future has no upper bound. */
    List<Partition> partitions(ChainTables t) {
        return partitions(jdbc, t);
    }

    private static List<Partition> partitions(JdbcTemplate jdbc, ChainTables t) {
        var schemaAndTable = t.logs().split("\\.");
        var schema = schemaAndTable.length == 2 ? "'" + schemaAndTable[0] + "'" : "DATABASE()";
        var table = schemaAndTable[schemaAndTable.length - 1];
        return jdbc.query("SELECT partition_name, partition_description FROM information_schema.partitions "
                + "WHERE table_schema = " + schema + " AND table_name = ? AND partition_name IS NOT NULL "
                + "ORDER BY partition_ordinal_position", (rs, i) -> new Partition(rs.getString(1), bound(rs.getString(2))), table);
    }

    private void addMonth(JdbcTemplate jdbc, ChainTables t, LocalDate month) {
        var upper = month.plusMonths(1);
        var existing = partitions(jdbc, t);
        if (existing.stream().anyMatch(p -> p.upperBound() != null && !p.upperBound().isBefore(upper))) {
            return; // already covered
        }
        var name = NAME.format(month);
        jdbc.execute("ALTER TABLE " + t.logs() + " REORGANIZE PARTITION p_future INTO (PARTITION " + name
                + " VALUES LESS THAN ('" + upper + "'), PARTITION p_future VALUES LESS THAN (MAXVALUE))");
        log.info("Audit log partition {} added", name);
    }

    private void drop(JdbcTemplate jdbc, ChainTables t, Partition p) {
        if (!mayDropPartitions(jdbc, t)) {
            throw new IllegalStateException("the database account may not drop partitions of " + t.logs()
                    + " (needs ALTER and DROP): no anchor recorded, nothing dropped; run retention as the owner account");
        }
        var last = jdbc.query("SELECT seq, hash FROM " + t.logs() + " WHERE occurred_at < ? ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, LocalDateTime.of(p.upperBound(), java.time.LocalTime.MIDNIGHT));
        if (!last.isEmpty()) {
            var recorded = jdbc.queryForList("SELECT hash FROM " + t.anchors() + " WHERE seq = ?", String.class, last.get(0)[0]);
            if (recorded.isEmpty()) {
                jdbc.update("INSERT INTO " + t.anchors() + " (seq, hash, partition_name, dropped_at) VALUES (?, ?, ?, ?)",
                        last.get(0)[0], last.get(0)[1], p.name(), AuditChainWriter.utc(clock.instant()));
            } else if (!recorded.get(0).equals(last.get(0)[1])) {
                throw new IllegalStateException("anchor at seq " + last.get(0)[0] + " disagrees with the row: not dropping "
                        + p.name() + "; run audit-verify");
            } // else: an earlier run recorded it and its DROP failed; this run completes it
        }
        jdbc.execute("ALTER TABLE " + t.logs() + " DROP PARTITION " + p.name());
        log.info("Audit log partition {} dropped (retention {} months); chain anchored at seq {}", p.name(), months,
                last.isEmpty() ? "-" : last.get(0)[0]);
    }

    /**
     * Whether the account may ALTER and DROP the table, as far as information_schema shows it. No
     * visible privilege at all means grants are not enforced (the embedded database) or not
     * readable; the DROP itself then decides.
     */
    private static boolean mayDropPartitions(JdbcTemplate jdbc, ChainTables t) {
        var schemaAndTable = t.logs().split("\\.");
        var schema = schemaAndTable.length == 2 ? schemaAndTable[0] : jdbc.queryForObject("SELECT DATABASE()", String.class);
        var table = schemaAndTable[schemaAndTable.length - 1];
        // An account that may read the grant tables sees every account's rows: keep its own.
        var me = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
        var privileges = jdbc.queryForList("SELECT privilege_type FROM information_schema.user_privileges WHERE grantee = " + me
                + " UNION ALL SELECT privilege_type FROM information_schema.schema_privileges WHERE grantee = " + me
                + " AND ? LIKE table_schema UNION ALL SELECT privilege_type FROM information_schema.table_privileges"
                + " WHERE grantee = " + me + " AND table_schema = ? AND table_name = ?", String.class, schema, schema, table);
        return privileges.isEmpty() || privileges.contains("ALTER") && privileges.contains("DROP");
    }

    /** '2026-01-01' or '2026-01-01 00:00:00' (quoted, as MariaDB and MySQL show it) or MAXVALUE. */
    private static LocalDate bound(String description) {
        if (description == null || description.toUpperCase().contains("MAXVALUE")) {
            return null;
        }
        return LocalDate.parse(description.replace("'", "").trim().substring(0, 10));
    }
}
