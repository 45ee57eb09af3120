package com.infraconsole.audit;

import com.infraconsole.base.Like;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the compliance screen and the export filter by; empty fields mean "any". The user,
 * action and entity filters are exact (and indexed); text searches inside the changes too.
 */
public record AuditFilter(
        Instant from, Instant to, String username, String action, String entityType, String entityId, String text) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);

    /** Appends "AND ..." conditions (except the time range, which the service turns into seqs). */
    void appendTo(StringBuilder sql, List<Object> args) {
        eq(sql, args, "username", username);
        eq(sql, args, "action", action);
        eq(sql, args, "entity_type", entityType);
        eq(sql, args, "entity_id", entityId);
        if (!blank(text)) {
            var like = Like.containing(text);
            sql.append(" AND (changes LIKE ? ESCAPE '!' OR username LIKE ? ESCAPE '!' OR action LIKE ? ESCAPE '!'"
                    + " OR entity_type LIKE ? ESCAPE '!' OR entity_id LIKE ? ESCAPE '!')");
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
    }

    /** A one-line description for the EXPORT audit row. */
    String describe() {
        var parts = new ArrayList<String>();
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        add(parts, "user", username);
        add(parts, "action", action);
        add(parts, "entity type", entityType);
        add(parts, "entity id", entityId);
        add(parts, "text", text);
        return parts.isEmpty() ? "all rows" : String.join(", ", parts);
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (!blank(value)) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value.trim());
        }
    }

    private static void add(List<String> parts, String label, String value) {
        if (!blank(value)) {
            parts.add(label + " " + value.trim());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
