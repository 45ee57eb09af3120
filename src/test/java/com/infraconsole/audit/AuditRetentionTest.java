package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retention on a copy of the audit tables in a schema of its own, with 18 months of rows. */
@IntegrationTest
class AuditRetentionTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired ChainVerifier verifier;

    @Test
    void months_past_retention_are_dropped_whole_and_the_rest_of_the_chain_still_verifies() {
        var schema = "audit_retention_" + ProcessHandle.current().pid();
        TestSchemas.create(schema);
        var t = ChainTables.inSchema(schema);
        jdbc.execute("CREATE TABLE " + t.logs() + " LIKE audit_logs");
        jdbc.execute("CREATE TABLE " + t.head() + " LIKE audit_chain_head");
        jdbc.execute("CREATE TABLE " + t.anchors() + " LIKE audit_chain_anchors");
        var months = new StringBuilder();
        for (int m = 1; m <= 11; m++) { // p_start keeps December
            months.append(String.format("PARTITION p2025%02d VALUES LESS THAN ('%s'), ", m,
                    java.time.LocalDate.of(2025, m, 1).plusMonths(1)));
        }
        // Explicit, because LIKE copies whatever months the live table's maintenance has added by now.
        jdbc.execute("ALTER TABLE " + t.logs() + " PARTITION BY RANGE COLUMNS (occurred_at) (" + months
                + "PARTITION p_start VALUES LESS THAN ('2026-01-01'), PARTITION p_future VALUES LESS THAN (MAXVALUE))");

        // One row a week from January 2025 to early July 2026.
        var hasher = new ChainHasher();
        var prev = ChainHasher.GENESIS;
        var rows = new ArrayList<Object[]>();
        long seq = 0;
        long keptFromSeq = 0;
        for (var at = Instant.parse("2025-01-05T12:00:00Z"); at.isBefore(Instant.parse("2026-07-10T00:00:00Z")); at = at.plusSeconds(7 * 86400)) {
            var row = new AuditRow(++seq, at, null, "system", "UPDATE", "Server", "1", null, null, null, "SUCCESS", prev, null);
            prev = hasher.hash(row);
            rows.add(AuditChainWriter.params(row.withHash(prev)));
            if (keptFromSeq == 0 && !at.isBefore(Instant.parse("2025-06-01T00:00:00Z"))) {
                keptFromSeq = seq;
            }
        }
        jdbc.batchUpdate(AuditChainWriter.INSERT.replace("audit_logs", t.logs()), rows);
        jdbc.update("INSERT INTO " + t.head() + " (id, last_seq, last_hash) VALUES (1, ?, ?)", seq, prev);

        var now = Instant.parse("2026-07-15T08:00:00Z");
        var retention = new AuditRetention(jdbc, Clock.fixed(now, ZoneOffset.UTC), 13);
        retention.maintain(t, now);

        var names = retention.partitions(t).stream().map(AuditRetention.Partition::name).toList();
        assertThat(names).doesNotContain("p202501", "p202505").contains("p202506", "p202607", "p202608", "p202609", "p_future");
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM " + t.logs(), Long.class)).isEqualTo(keptFromSeq);
        assertThat(jdbc.queryForObject("SELECT seq FROM " + t.anchors() + " ORDER BY seq DESC LIMIT 1", Long.class))
                .isEqualTo(keptFromSeq - 1);
        var result = verifier.verify(t, n -> {});
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.rowsVerified()).isEqualTo(seq - keptFromSeq + 1);
    }
}
