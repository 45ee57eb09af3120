package com.infraconsole.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads audit rows in tests, straight from the table. */
@Component
public class AuditLogProbe {

    private final JdbcTemplate jdbc;

    AuditLogProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long lastSeq() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_logs", Long.class);
    }

    public List<AuditRow> since(long seq) {
        return jdbc.query(
                "SELECT " + AuditRows.COLUMNS + " FROM audit_logs WHERE seq > ? ORDER BY seq", AuditRows::map, seq);
    }

    public List<AuditRow> since(long seq, String entityType, Object entityId) {
        return jdbc.query(
                "SELECT " + AuditRows.COLUMNS
                        + " FROM audit_logs WHERE seq > ? AND entity_type = ? AND entity_id = ? ORDER BY seq",
                AuditRows::map,
                seq,
                entityType,
                String.valueOf(entityId));
    }
}
