package com.infraconsole.audit;

import com.infraconsole.audit.VerificationResult.Problem;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain in seq order and recomputes every hash. It reads in keyset batches inside one
 * read-only REPEATABLE READ transaction, so it sees one consistent snapshot (rows and head) while
 * writers carry on, and memory stays flat however long the table is.
 */
@Component
class ChainVerifier {

    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @param progress told the number of rows checked so far, after each batch */
    VerificationResult verify(ChainTables t, LongConsumer progress) {
        return snapshot.execute(status -> walk(t, progress));
    }

    /** How many rows a verification will walk, for a progress bar. */
    long expectedRows(ChainTables t) {
        long last = jdbc.queryForObject("SELECT last_seq FROM " + t.head() + " WHERE id = 1", Long.class);
        var anchor = jdbc.queryForList("SELECT MAX(seq) FROM " + t.anchors(), Long.class);
        return last - (anchor.get(0) == null ? 0 : anchor.get(0));
    }

    private VerificationResult walk(ChainTables t, LongConsumer progress) {
        var head = jdbc.queryForObject("SELECT last_seq, last_hash FROM " + t.head() + " WHERE id = 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long headSeq = (Long) head[0];
        var anchors = jdbc.query("SELECT seq, hash FROM " + t.anchors() + " ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long prevSeq = anchors.isEmpty() ? 0 : (Long) anchors.get(0)[0];
        var prevHash = anchors.isEmpty() ? ChainHasher.GENESIS : (String) anchors.get(0)[1];
        var early = jdbc.queryForList("SELECT seq FROM " + t.logs() + " WHERE seq <= ? ORDER BY seq LIMIT 1", Long.class,
                prevSeq);
        if (!early.isEmpty()) {
            return VerificationResult.broken(0, early.get(0), Problem.INSERTED,
                    "row before the start of the chain (" + (prevSeq + 1) + ")");
        }
        var hasher = new ChainHasher();
        long checked = 0;
        LocalDateTime cursorAt = LocalDateTime.of(1, 1, 1, 0, 0);
        long cursorSeq = prevSeq;
        var sql = "SELECT " + AuditRows.COLUMNS + " FROM " + t.logs()
                + " WHERE seq > ? OR (seq = ? AND occurred_at > ?) ORDER BY seq, occurred_at LIMIT " + BATCH;
        while (true) {
            List<AuditRow> batch = jdbc.query(sql, AuditRows::map, cursorSeq, cursorSeq, cursorAt);
            for (var r : batch) {
                if (r.seq() <= prevSeq) {
                    return VerificationResult.broken(checked, r.seq(), Problem.INSERTED,
                            "a second row claims seq " + r.seq());
                }
                if (r.seq() > headSeq) {
                    return VerificationResult.broken(checked, r.seq(), Problem.INSERTED,
                            "row beyond the end of the chain (" + headSeq + ") that the console did not write");
                }
                if (r.seq() > prevSeq + 1) {
                    return VerificationResult.broken(checked, prevSeq + 1, Problem.REMOVED,
                            "rows " + (prevSeq + 1) + " to " + (r.seq() - 1) + " are missing");
                }
                if (!hasher.hash(r).equals(r.hash())) {
                    return VerificationResult.broken(checked, r.seq(), Problem.ALTERED,
                            "its content no longer matches its hash");
                }
                if (!r.prevHash().equals(prevHash)) {
                    return VerificationResult.broken(checked, prevSeq, Problem.ALTERED,
                            "row " + prevSeq + " was rewritten with a new hash: row " + r.seq()
                                    + " still links to the old one");
                }
                prevSeq = r.seq();
                prevHash = r.hash();
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
            var last = batch.get(batch.size() - 1);
            cursorSeq = last.seq();
            cursorAt = LocalDateTime.ofInstant(last.occurredAt(), ZoneOffset.UTC);
            progress.accept(checked);
        }
        progress.accept(checked);
        if (prevSeq < headSeq) {
            return VerificationResult.broken(checked, prevSeq + 1, Problem.REMOVED,
                    "the chain should end at " + headSeq + " but the last row is " + prevSeq);
        }
        if (!prevHash.equals(head[1])) {
            return VerificationResult.broken(checked, prevSeq, Problem.ALTERED,
                    "the last row's hash differs from the one recorded at the end of the chain");
        }
        return VerificationResult.ok(checked);
    }
}
