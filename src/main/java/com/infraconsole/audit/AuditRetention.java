package com.infraconsole.audit;

import com.infraconsole.base.database.MonthlyPartitions;
import com.infraconsole.base.database.MonthlyPartitions.Partition;
import com.infraconsole.base.database.OwnerAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps audit_logs partitioned by month and expires whole months through the shared
 * {@link MonthlyPartitions} maintainer (one node at a time, short lock waits for its DDL), after
 * recording the last row of each dropped month as the chain's new anchor. No row is ever DELETEd
 * (the trigger would refuse). See docs/decisions/010-audit-retention.md.
 *
 * <p>The anchor is recorded before the DROP, and only when the account may drop partitions (the
 * maintainer checks before asking for it); if the DROP still fails, the verifier walks the rows
 * that stayed and checks they reach the anchor's hash, and the next run finds the anchor recorded
 * and drops the month.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate ddl;
    private final Clock clock;
    private final int months;
    private final Duration lockWait;

    @Autowired
    AuditRetention(
            JdbcTemplate jdbc,
            OwnerAccount owner,
            Clock clock,
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
        // As the schema's owner when there is one: partition DDL is beyond a DML-only console account.
        var cutoff = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(months);
        var ran = monthly(t).maintain(ddl, now, cutoff, (session, month, next) -> anchor(session, t, month));
        if (ran.isEmpty()) {
            log.info("Audit retention skipped: another node is running it");
        }
        return ran.isPresent();
    }

    /** The range partitions of the table, oldest first; p_future has no upper bound. */
    List<Partition> partitions(ChainTables t) {
        return monthly(t).partitions(jdbc);
    }

    private MonthlyPartitions monthly(ChainTables t) {
        return new MonthlyPartitions(t.logs(), "infra_audit_retention:" + t.logs(), lockWait);
    }

    /** Records the month's last row as the anchor the verifier starts after. */
    private void anchor(JdbcTemplate jdbc, ChainTables t, Partition p) {
        var last = jdbc.query(
                "SELECT seq, hash FROM " + t.logs() + " WHERE occurred_at < ? ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
                LocalDateTime.of(p.upperBound(), LocalTime.MIDNIGHT));
        if (!last.isEmpty()) {
            var recorded = jdbc.queryForList(
                    "SELECT hash FROM " + t.anchors() + " WHERE seq = ?", String.class, last.get(0)[0]);
            if (recorded.isEmpty()) {
                jdbc.update(
                        "INSERT INTO " + t.anchors() + " (seq, hash, partition_name, dropped_at) VALUES (?, ?, ?, ?)",
                        last.get(0)[0],
                        last.get(0)[1],
                        p.name(),
                        AuditChainWriter.utc(clock.instant()));
            } else if (!recorded.get(0).equals(last.get(0)[1])) {
                throw new IllegalStateException("anchor at seq " + last.get(0)[0]
                        + " disagrees with the row: not dropping " + p.name() + "; run audit-verify");
            } // else: an earlier run recorded it and its DROP failed; this run completes it
        }
        log.info(
                "Audit log partition {} expires (retention {} months); chain anchored at seq {}",
                p.name(),
                months,
                last.isEmpty() ? "-" : last.get(0)[0]);
    }
}
