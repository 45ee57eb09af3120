package com.infraconsole.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps audit_logs partitioned by month and expires whole months: it splits next months off the
 * open-ended p_future partition ahead of time, and drops months older than the retention after
 * recording the last dropped row as the chain's new anchor. No row is ever DELETEd (the trigger
 * would refuse), and verification starts from the newest anchor. See docs/decisions/010-audit-retention.md.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");

    record Partition(String name, LocalDate upperBound) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int months;

    AuditRetention(JdbcTemplate jdbc, Clock clock, @Value("${infra.audit.retention-months:13}") int months) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.months = months;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT6H")
    void maintain() {
        try {
            maintain(ChainTables.DEFAULT, clock.instant());
        } catch (RuntimeException e) {
            // Another node may have done the same DDL a moment ago; the next run catches up.
            log.warn("Audit partition maintenance did not complete: {}", e.getMessage());
        }
    }

    void maintain(ChainTables t, Instant now) {
        var thisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        for (int ahead = 0; ahead <= 2; ahead++) {
            addMonth(t, thisMonth.plusMonths(ahead));
        }
        var cutoff = thisMonth.minusMonths(months);
        for (var p : partitions(t)) {
            if (p.upperBound() != null && !p.upperBound().isAfter(cutoff)) {
                drop(t, p);
            }
        }
    }

    /** The range partitions of the table, oldest first; p_future has no upper bound. */
    List<Partition> partitions(ChainTables t) {
        var schemaAndTable = t.logs().split("\\.");
        var schema = schemaAndTable.length == 2 ? "'" + schemaAndTable[0] + "'" : "DATABASE()";
        var table = schemaAndTable[schemaAndTable.length - 1];
        return jdbc.query("SELECT partition_name, partition_description FROM information_schema.partitions "
                + "WHERE table_schema = " + schema + " AND table_name = ? AND partition_name IS NOT NULL "
                + "ORDER BY partition_ordinal_position", (rs, i) -> new Partition(rs.getString(1), bound(rs.getString(2))), table);
    }

    private void addMonth(ChainTables t, LocalDate month) {
        var upper = month.plusMonths(1);
        var existing = partitions(t);
        if (existing.stream().anyMatch(p -> p.upperBound() != null && !p.upperBound().isBefore(upper))) {
            return; // already covered
        }
        var name = NAME.format(month);
        jdbc.execute("ALTER TABLE " + t.logs() + " REORGANIZE PARTITION p_future INTO (PARTITION " + name
                + " VALUES LESS THAN ('" + upper + "'), PARTITION p_future VALUES LESS THAN (MAXVALUE))");
        log.info("Audit log partition {} added", name);
    }

    private void drop(ChainTables t, Partition p) {
        var last = jdbc.query("SELECT seq, hash FROM " + t.logs() + " WHERE occurred_at < ? ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, LocalDateTime.of(p.upperBound(), java.time.LocalTime.MIDNIGHT));
        if (!last.isEmpty()) {
            jdbc.update("INSERT INTO " + t.anchors() + " (seq, hash, partition_name, dropped_at) VALUES (?, ?, ?, ?)",
                    last.get(0)[0], last.get(0)[1], p.name(), AuditChainWriter.utc(clock.instant()));
        }
        jdbc.execute("ALTER TABLE " + t.logs() + " DROP PARTITION " + p.name());
        log.info("Audit log partition {} dropped (retention {} months); chain anchored at seq {}", p.name(), months,
                last.isEmpty() ? "-" : last.get(0)[0]);
    }

    /** '2026-01-01' or '2026-01-01 00:00:00' (quoted, as MariaDB and MySQL show it) or MAXVALUE. */
    private static LocalDate bound(String description) {
        if (description == null || description.toUpperCase().contains("MAXVALUE")) {
            return null;
        }
        return LocalDate.parse(description.replace("'", "").trim().substring(0, 10));
    }
}
