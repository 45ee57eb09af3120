package com.infraconsole.audit;

import com.infraconsole.audit.AuditCheckpoints.Checkpoint;
import com.infraconsole.audit.VerificationResult.Problem;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the chain in seq order and recomputes every hash (HMAC with the row's audit key, or plain
 * SHA-256 for rows from before the chain was keyed). It reads in keyset batches, each its own short
 * autocommit read, so it holds no transaction that DDL (retention) or writers would queue behind,
 * and memory stays flat however long the table is. It walks up to the head it read first; rows
 * written meanwhile lie beyond it, and a row beyond the head is only accepted if the head has
 * reached it by the end of the walk.
 */
@Component
class ChainVerifier {

    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final AuditKeys keys;

    ChainVerifier(JdbcTemplate jdbc, AuditKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** @param progress told the number of rows checked so far, after each batch */
    VerificationResult verify(ChainTables t, LongConsumer progress) {
        return verify(t, new TreeMap<>(), progress);
    }

    /** Also checks the chain against checkpoints of its head kept outside the database (signatures already checked). */
    VerificationResult verify(ChainTables t, NavigableMap<Long, Checkpoint> checkpoints, LongConsumer progress) {
        return new Walk(t, checkpoints, progress).run();
    }

    /** How many rows a verification will walk, for a progress bar. */
    long expectedRows(ChainTables t) {
        long last = jdbc.queryForObject("SELECT last_seq FROM " + t.head() + " WHERE id = 1", Long.class);
        var first = jdbc.queryForList("SELECT MIN(seq) FROM " + t.logs(), Long.class);
        return last - (first.get(0) == null ? last : first.get(0) - 1);
    }

    private final class Walk {
        private final ChainTables t;
        private final NavigableMap<Long, Checkpoint> checkpoints;
        private final LongConsumer progress;
        private final ChainHasher hasher = new ChainHasher();
        private long checked;
        private Long keyedFrom;
        private int checkpointsMatched;

        Walk(ChainTables t, NavigableMap<Long, Checkpoint> checkpoints, LongConsumer progress) {
            this.t = t;
            this.checkpoints = checkpoints;
            this.progress = progress;
        }

        VerificationResult run() {
            var head = readHead();
            long headSeq = (Long) head[0];
            var anchors = new TreeMap<Long, String>();
            jdbc.query("SELECT seq, hash FROM " + t.anchors(), rs -> {
                anchors.put(rs.getLong(1), rs.getString(2));
            });
            Long minSeq = jdbc.queryForObject("SELECT MIN(seq) FROM " + t.logs(), Long.class);
            long prevSeq;
            String prevHash;
            // Where the chain starts: seq 1 on the genesis hash, or just after a retention anchor. An
            // anchor whose partition was not dropped (the DROP failed after the anchor was recorded)
            // leaves its rows in place: they are walked, and must reach the anchor's hash exactly.
            if (minSeq == null) {
                prevSeq = anchors.isEmpty() ? 0 : anchors.lastKey();
                prevHash = anchors.isEmpty()
                        ? ChainHasher.GENESIS
                        : anchors.lastEntry().getValue();
            } else if (minSeq == 1) {
                prevSeq = 0;
                prevHash = ChainHasher.GENESIS;
            } else if (minSeq > 1 && anchors.containsKey(minSeq - 1)) {
                prevSeq = minSeq - 1;
                prevHash = anchors.get(minSeq - 1);
            } else if (minSeq < 1 || (!anchors.isEmpty() && anchors.lastKey() >= minSeq)) {
                long start = anchors.isEmpty() ? 1 : anchors.lastKey() + 1;
                return VerificationResult.broken(
                        0, minSeq, Problem.INSERTED, "row before the start of the chain (" + start + ")");
            } else {
                long from = anchors.isEmpty() ? 1 : anchors.lastKey() + 1;
                return VerificationResult.broken(
                        0,
                        from,
                        Problem.REMOVED,
                        "rows " + from + " to " + (minSeq - 1)
                                + " are missing and no retention anchor records their expiry");
            }
            LocalDateTime cursorAt = LocalDateTime.of(1, 1, 1, 0, 0);
            long cursorSeq = prevSeq;
            var sql = "SELECT " + AuditRows.COLUMNS + " FROM " + t.logs()
                    + " WHERE (seq > ? OR (seq = ? AND occurred_at > ?)) AND seq <= ? ORDER BY seq, occurred_at LIMIT "
                    + BATCH;
            while (true) {
                List<AuditRow> batch = jdbc.query(sql, AuditRows::map, cursorSeq, cursorSeq, cursorAt, headSeq);
                for (var r : batch) {
                    if (r.seq() <= prevSeq) {
                        return VerificationResult.broken(
                                checked, r.seq(), Problem.INSERTED, "a second row claims seq " + r.seq());
                    }
                    if (r.seq() > prevSeq + 1) {
                        return VerificationResult.broken(
                                checked,
                                prevSeq + 1,
                                Problem.REMOVED,
                                "rows " + (prevSeq + 1) + " to " + (r.seq() - 1) + " are missing");
                    }
                    var bad = checkHash(r);
                    if (bad != null) {
                        return bad;
                    }
                    if (!r.prevHash().equals(prevHash)) {
                        return VerificationResult.broken(
                                checked,
                                prevSeq,
                                Problem.ALTERED,
                                "row " + prevSeq + " was rewritten with a new hash: row " + r.seq()
                                        + " still links to the old one");
                    }
                    var anchor = anchors.get(r.seq());
                    if (anchor != null && !anchor.equals(r.hash())) {
                        return VerificationResult.broken(
                                checked,
                                r.seq(),
                                Problem.ALTERED,
                                "its hash differs from the one retention recorded for it");
                    }
                    var checkpoint = checkpoints.get(r.seq());
                    if (checkpoint != null) {
                        if (!checkpoint.hash().equals(r.hash())) {
                            return VerificationResult.broken(
                                    checked,
                                    r.seq(),
                                    Problem.ALTERED,
                                    "its hash differs from the checkpoint taken at " + checkpoint.at());
                        }
                        checkpointsMatched++;
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
                return VerificationResult.broken(
                        checked,
                        prevSeq + 1,
                        Problem.REMOVED,
                        "the chain should end at " + headSeq + " but the last row is " + prevSeq);
            }
            if (!prevHash.equals(head[1])) {
                return VerificationResult.broken(
                        checked,
                        prevSeq,
                        Problem.ALTERED,
                        "the last row's hash differs from the one recorded at the end of the chain");
            }
            if (!checkpoints.isEmpty() && checkpoints.lastKey() > prevSeq) {
                var latest = checkpoints.lastEntry().getValue();
                return VerificationResult.broken(
                        checked,
                        prevSeq + 1,
                        Problem.REMOVED,
                        "the chain ends at " + prevSeq
                                + " but the checkpoint taken at " + latest.at() + " recorded it at " + latest.seq()
                                + ": rows were cut off the end");
            }
            var beyond =
                    jdbc.queryForObject("SELECT MIN(seq) FROM " + t.logs() + " WHERE seq > ?", Long.class, headSeq);
            if (beyond != null && beyond > (Long) readHead()[0]) {
                return VerificationResult.broken(
                        checked,
                        beyond,
                        Problem.INSERTED,
                        "row beyond the end of the chain (" + headSeq + ") that the console did not write");
            }
            return VerificationResult.ok(checked, keyedFrom, checkpointsMatched);
        }

        private VerificationResult checkHash(AuditRow r) {
            if (r.keyId() == null) {
                if (keyedFrom != null) {
                    return VerificationResult.broken(
                            checked,
                            r.seq(),
                            Problem.INSERTED,
                            "a row without the audit key's " + "HMAC after the chain was keyed at seq " + keyedFrom
                                    + ": not written by the console");
                }
                if (!hasher.hash(r, null).equals(r.hash())) {
                    return VerificationResult.broken(
                            checked, r.seq(), Problem.ALTERED, "its content no longer matches its hash");
                }
                return null;
            }
            var key = keys.byId(r.keyId());
            if (key.isEmpty()) {
                return VerificationResult.broken(
                        checked,
                        r.seq(),
                        Problem.ALTERED,
                        "it names audit key " + r.keyId()
                                + ", which this console does not hold: forged, or a key is missing from the key file");
            }
            if (!hasher.hash(r, key.get()).equals(r.hash())) {
                return VerificationResult.broken(
                        checked,
                        r.seq(),
                        Problem.ALTERED,
                        "its content no longer matches its HMAC: altered, or written without the audit key");
            }
            if (keyedFrom == null) {
                keyedFrom = r.seq();
            }
            return null;
        }

        private Object[] readHead() {
            return jdbc.queryForObject("SELECT last_seq, last_hash FROM " + t.head() + " WHERE id = 1", (rs, i) ->
                    new Object[] {rs.getLong(1), rs.getString(2)});
        }
    }

    /** Checkpoints by seq; at or before the chain's start they are simply not reached (expired by retention). */
    static NavigableMap<Long, Checkpoint> bySeq(List<Checkpoint> list) {
        var map = new TreeMap<Long, Checkpoint>();
        list.forEach(c -> map.put(c.seq(), c));
        return map;
    }
}
