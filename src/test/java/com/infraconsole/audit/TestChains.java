package com.infraconsole.audit;

import com.infraconsole.TestSchemas;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies of the chain tables in schemas of their own, where no trigger stops a test from playing
 * the attacker, filled the way the console writes.
 */
final class TestChains {

    private static int schemas;

    private final JdbcTemplate jdbc;

    TestChains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh schema with the three chain tables and an empty head. */
    ChainTables empty() {
        var schema = "audit_chain_" + ProcessHandle.current().pid() + "_" + next();
        TestSchemas.create(schema);
        var t = ChainTables.inSchema(schema);
        jdbc.execute("CREATE TABLE " + t.logs() + " LIKE audit_logs");
        jdbc.execute("CREATE TABLE " + t.head() + " LIKE audit_chain_head");
        jdbc.execute("CREATE TABLE " + t.anchors() + " LIKE audit_chain_anchors");
        jdbc.update("INSERT INTO " + t.head() + " (id, last_seq, last_hash) VALUES (1, 0, ?)", ChainHasher.GENESIS);
        return t;
    }

    /** Appends n rows signed with key (plain SHA-256 when null) and moves the head, as the writer does. */
    void append(ChainTables t, int n, AuditKeys.Key key) {
        var head = jdbc.queryForObject("SELECT last_seq, last_hash FROM " + t.head() + " WHERE id = 1", (rs, i) ->
                new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = (Long) head[0];
        var prev = (String) head[1];
        var hasher = new ChainHasher();
        var at = Instant.parse("2026-06-01T10:00:00Z");
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < n; i++) {
            seq++;
            var row = new AuditRow(
                    seq,
                    at.plusSeconds(seq),
                    42L,
                    "alice",
                    "UPDATE",
                    "Server",
                    "" + seq,
                    "{\"status\":[\"ACTIVE\",\"INACTIVE\"]}",
                    "10.0.0.9",
                    "Firefox",
                    "SUCCESS",
                    prev,
                    null,
                    key == null ? null : key.id());
            prev = hasher.hash(row, key);
            rows.add(AuditChainWriter.params(row.withHash(prev)));
        }
        jdbc.batchUpdate(AuditChainWriter.INSERT.replace("audit_logs", t.logs()), rows);
        jdbc.update("UPDATE " + t.head() + " SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
    }

    private static synchronized int next() {
        return ++schemas;
    }

    /** A row of the copy. */
    AuditRow row(ChainTables t, long seq) {
        return jdbc.queryForObject(
                "SELECT " + AuditRows.COLUMNS + " FROM " + t.logs() + " WHERE seq = ?", AuditRows::map, seq);
    }

    /**
     * Appends one row the way someone holding only the database account could: correct prev_hash,
     * head moved, hashed with plain SHA-256 (key null) or an HMAC under a key of the forger's own
     * (which may claim the id of the real key).
     */
    void forge(ChainTables t, AuditKeys.Key key) {
        var head = jdbc.queryForObject("SELECT last_seq FROM " + t.head() + " WHERE id = 1", Long.class);
        var last = row(t, head);
        var forged = new AuditRow(
                head + 1,
                last.occurredAt().plusSeconds(1),
                null,
                "ghost",
                "DELETE",
                "Server",
                "1",
                null,
                null,
                null,
                "SUCCESS",
                last.hash(),
                null,
                key == null ? null : key.id());
        var hash = new ChainHasher().hash(forged, key);
        jdbc.update(
                AuditChainWriter.INSERT.replace("audit_logs", t.logs()),
                AuditChainWriter.params(forged.withHash(hash)));
        jdbc.update("UPDATE " + t.head() + " SET last_seq = ?, last_hash = ? WHERE id = 1", head + 1, hash);
    }
}
