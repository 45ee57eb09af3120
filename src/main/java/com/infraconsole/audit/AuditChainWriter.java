package com.infraconsole.audit;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * Appends a transaction's entries to the hash chain, on the transaction's own connection. The
 * chain head row is locked last of all the transaction's locks, after the final flush, and held
 * only until commit: concurrent writers queue on it briefly and cannot deadlock on it.
 */
@Component
class AuditChainWriter {

    static final String INSERT = """
            INSERT INTO audit_logs (seq, occurred_at, user_id, username, action, entity_type, entity_id, changes,
                client_ip, user_agent, outcome, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EntityManagerFactory emf;
    private final Clock clock;
    private final AuditKeys keys;

    AuditChainWriter(JdbcTemplate jdbc, EntityManagerFactory emf, Clock clock, AuditKeys keys) {
        this.jdbc = jdbc;
        this.emf = emf;
        this.clock = clock;
        this.keys = keys;
    }

    void append(ChainBuffer buffer, boolean readOnly) {
        if (!readOnly) {
            // Changes still pending in the persistence context reach the listener now, not at commit.
            var em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
            if (em != null) {
                em.flush();
            }
        }
        var entries = buffer.drain();
        if (entries.isEmpty()) {
            return;
        }
        var head = jdbc.queryForObject(
                "SELECT last_seq, last_hash, last_occurred_at FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)});
        long seq = (Long) head[0];
        var prev = (String) head[1];
        var now = ChainHasher.truncate(clock.instant());
        if (head[2] instanceof LocalDateTime last
                && last.toInstant(ZoneOffset.UTC).isAfter(now)) {
            now = last.toInstant(ZoneOffset.UTC); // never backwards along seq, even if a node's clock is
        }
        var hasher = new ChainHasher();
        var key = keys.current();
        var rows = new ArrayList<Object[]>(entries.size());
        for (var e : entries) {
            var row = new AuditRow(
                    ++seq,
                    now,
                    e.userId(),
                    e.username(),
                    e.action(),
                    e.entityType(),
                    e.entityId(),
                    e.changes(),
                    e.clientIp(),
                    e.userAgent(),
                    e.outcome(),
                    prev,
                    null,
                    key.id());
            prev = hasher.hash(row, key);
            rows.add(params(row.withHash(prev)));
        }
        if (rows.size() == 1) {
            jdbc.update(INSERT, rows.get(0)); // the usual case, without the JDBC batch machinery
        } else {
            jdbc.batchUpdate(INSERT, rows);
        }
        jdbc.update(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_occurred_at = ? WHERE id = 1",
                seq,
                prev,
                utc(now));
    }

    static Object[] params(AuditRow r) {
        return new Object[] {
            r.seq(),
            utc(r.occurredAt()),
            r.userId(),
            r.username(),
            r.action(),
            r.entityType(),
            r.entityId(),
            r.changes(),
            r.clientIp(),
            r.userAgent(),
            r.outcome(),
            r.prevHash(),
            r.hash(),
            r.keyId()
        };
    }

    static Timestamp utc(Instant t) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    static List<Object[]> paramsOf(List<AuditRow> rows) {
        return rows.stream().map(AuditChainWriter::params).toList();
    }
}
