package com.infraconsole.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading audit rows with plain JDBC: one column list and one mapper for the screen, export and verifier. */
final class AuditRows {

    static final String COLUMNS = "seq, occurred_at, user_id, username, action, entity_type, entity_id, changes, "
            + "client_ip, user_agent, outcome, prev_hash, hash, key_id";

    private AuditRows() {}

    static AuditRow map(ResultSet rs, int rowNum) throws SQLException {
        long id = rs.getLong(3);
        Long userId = rs.wasNull() ? null : id;
        return new AuditRow(
                rs.getLong(1),
                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                userId,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }
}
