package com.infraconsole.audit;

/** RFC 4180 CSV lines; cells that a spreadsheet would run as formulas are defused with a quote. */
final class AuditCsv {

    static final String HEADER =
            "seq,occurred_at_utc,user_id,username,action,entity_type,entity_id,changes,client_ip,user_agent,outcome,prev_hash,hash\r\n";

    private AuditCsv() {}

    static String line(AuditRow r) {
        var b = new StringBuilder(256);
        b.append(r.seq()).append(',').append(r.occurredAt()).append(',')
                .append(r.userId() == null ? "" : r.userId().toString()).append(',');
        for (var v : new String[] {r.username(), r.action(), r.entityType(), r.entityId(), r.changes(), r.clientIp(),
                r.userAgent(), r.outcome(), r.prevHash()}) {
            b.append(cell(v)).append(',');
        }
        return b.append(r.hash()).append("\r\n").toString();
    }

    static String cell(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        if ("=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
