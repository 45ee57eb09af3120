package com.infraconsole.audit;

import com.infraconsole.base.CsvFormat;

/** The audit export's CSV lines; every text cell is defused and quoted by CsvFormat. */
final class AuditCsv {

    static final String HEADER =
            "seq,occurred_at_utc,user_id,username,action,entity_type,entity_id,changes,client_ip,user_agent,outcome,prev_hash,hash\r\n";

    private AuditCsv() {}

    static String line(AuditRow r) {
        var b = new StringBuilder(256);
        b.append(r.seq())
                .append(',')
                .append(r.occurredAt())
                .append(',')
                .append(r.userId() == null ? "" : r.userId().toString())
                .append(',');
        for (var v : new String[] {
            r.username(),
            r.action(),
            r.entityType(),
            r.entityId(),
            r.changes(),
            r.clientIp(),
            r.userAgent(),
            r.outcome(),
            r.prevHash()
        }) {
            b.append(CsvFormat.cell(v)).append(',');
        }
        return b.append(r.hash()).append("\r\n").toString();
    }
}
