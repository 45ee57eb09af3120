package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.MonthlyPartitions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retention on a copy of the audit tables in a schema of its own, with 18 months of rows. */
@IntegrationTest
class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-07-15T08:00:00Z");
    private static int schemas;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    AuditKeys keys;

    private AuditRetention retention(JdbcTemplate on) {
        return new AuditRetention(on, Clock.fixed(NOW, ZoneOffset.UTC), 13, Duration.ofSeconds(1));
    }

    @Test
    void months_past_retention_are_dropped_whole_and_the_rest_of_the_chain_still_verifies() {
        var copy = copyWithEighteenMonths(false);
        var retention = retention(jdbc);
        assertThat(retention.maintain(copy.t, NOW)).isTrue();

        var names = retention.partitions(copy.t).stream()
                .map(MonthlyPartitions.Partition::name)
                .toList();
        assertThat(names)
                .doesNotContain("p202501", "p202505")
                .contains("p202506", "p202607", "p202608", "p202609", "p_future");
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM " + copy.t.logs(), Long.class))
                .isEqualTo(copy.keptFromSeq);
        assertThat(jdbc.queryForObject(
                        "SELECT seq FROM " + copy.t.anchors() + " ORDER BY seq DESC LIMIT 1", Long.class))
                .isEqualTo(copy.keptFromSeq - 1);
        var result = verifier.verify(copy.t, n -> {});
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.rowsVerified()).isEqualTo(copy.lastSeq - copy.keptFromSeq + 1);
    }

    @Test
    void a_drop_that_fails_after_its_anchor_leaves_a_chain_that_verifies_and_the_next_run_completes_it()
            throws Exception {
        var copy = copyWithEighteenMonths(true); // the coming months exist: the run goes straight to dropping
        var retention = retention(jdbc);
        long anchorsBefore = 0;
        // A long reader holds the table: the DROP gives up after lock_wait_timeout (1 s) instead of
        // queueing every write behind it.
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (var st = reader.createStatement()) {
                st.executeQuery("SELECT COUNT(*) FROM " + copy.t.logs()).close();
            }
            long started = System.nanoTime();
            assertThatThrownBy(() -> retention.maintain(copy.t, NOW)).hasMessageContaining("Lock wait timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            reader.rollback();
        }
        // The anchor of January went in, the rows are still there: they chain up to the anchor's hash.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + copy.t.anchors(), Long.class))
                .isEqualTo(anchorsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM " + copy.t.logs(), Long.class))
                .isEqualTo(1);
        var between = verifier.verify(copy.t, n -> {});
        assertThat(between.intact()).as(between.message()).isTrue();
        assertThat(between.rowsVerified()).isEqualTo(copy.lastSeq);

        assertThat(retention.maintain(copy.t, NOW)).isTrue();
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM " + copy.t.logs(), Long.class))
                .isEqualTo(copy.keptFromSeq);
        var after = verifier.verify(copy.t, n -> {});
        assertThat(after.intact()).as(after.message()).isTrue();
        assertThat(after.rowsVerified()).isEqualTo(copy.lastSeq - copy.keptFromSeq + 1);
    }

    @Test
    void a_node_that_does_not_get_the_retention_lock_leaves_the_work_to_the_one_that_has_it() throws Exception {
        var copy = copyWithEighteenMonths(true);
        try (Connection other = dataSource.getConnection()) {
            try (var st = other.createStatement();
                    var rs = st.executeQuery("SELECT GET_LOCK('infra_audit_retention:" + copy.t.logs() + "', 0)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(retention(jdbc).maintain(copy.t, NOW)).isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + copy.t.anchors(), Long.class))
                    .isZero();
            try (var st = other.createStatement()) {
                st.execute("DO RELEASE_LOCK('infra_audit_retention:" + copy.t.logs() + "')");
            }
        }
        assertThat(retention(jdbc).maintain(copy.t, NOW)).isTrue();
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM " + copy.t.logs(), Long.class))
                .isEqualTo(copy.keptFromSeq);
        // The session's lock wait timeout went back to the server's default with the connection.
        assertThat(jdbc.queryForObject(
                        "SELECT @@SESSION.lock_wait_timeout = @@GLOBAL.lock_wait_timeout", Integer.class))
                .isEqualTo(1);
    }

    record Copy(ChainTables t, long keptFromSeq, long lastSeq) {}

    /** One row a week from January 2025 to early July 2026, keyed, in monthly partitions of a copy. */
    private Copy copyWithEighteenMonths(boolean withComingMonths) {
        var schema = "audit_retention_" + ProcessHandle.current().pid() + "_" + (++schemas);
        TestSchemas.create(schema);
        var t = ChainTables.inSchema(schema);
        jdbc.execute("CREATE TABLE " + t.logs() + " LIKE audit_logs");
        jdbc.execute("CREATE TABLE " + t.head() + " LIKE audit_chain_head");
        jdbc.execute("CREATE TABLE " + t.anchors() + " LIKE audit_chain_anchors");
        var months = new StringBuilder();
        for (int m = 1; m <= 11; m++) { // p_start keeps December
            months.append(String.format(
                    "PARTITION p2025%02d VALUES LESS THAN ('%s'), ",
                    m, LocalDate.of(2025, m, 1).plusMonths(1)));
        }
        if (withComingMonths) {
            for (int m = 1; m <= 9; m++) {
                months.append(String.format(
                        "PARTITION p2026%02d VALUES LESS THAN ('%s'), ",
                        m, LocalDate.of(2026, m, 1).plusMonths(1)));
            }
        }
        // Explicit, because LIKE copies whatever months the live table's maintenance has added by now.
        jdbc.execute("ALTER TABLE " + t.logs() + " PARTITION BY RANGE COLUMNS (occurred_at) (" + months
                + (withComingMonths ? "" : "PARTITION p_start VALUES LESS THAN ('2026-01-01'), ")
                + "PARTITION p_future VALUES LESS THAN (MAXVALUE))");

        var hasher = new ChainHasher();
        var key = keys.current();
        var prev = ChainHasher.GENESIS;
        var rows = new ArrayList<Object[]>();
        long seq = 0;
        long keptFromSeq = 0;
        for (var at = Instant.parse("2025-01-05T12:00:00Z");
                at.isBefore(Instant.parse("2026-07-10T00:00:00Z"));
                at = at.plusSeconds(7 * 86400)) {
            var row = new AuditRow(
                    ++seq, at, null, "system", "UPDATE", "Server", "1", null, null, null, "SUCCESS", prev, null,
                    key.id());
            prev = hasher.hash(row, key);
            rows.add(AuditChainWriter.params(row.withHash(prev)));
            if (keptFromSeq == 0 && !at.isBefore(Instant.parse("2025-06-01T00:00:00Z"))) {
                keptFromSeq = seq;
            }
        }
        jdbc.batchUpdate(AuditChainWriter.INSERT.replace("audit_logs", t.logs()), rows);
        jdbc.update("INSERT INTO " + t.head() + " (id, last_seq, last_hash) VALUES (1, ?, ?)", seq, prev);
        return new Copy(t, keptFromSeq, seq);
    }
}
