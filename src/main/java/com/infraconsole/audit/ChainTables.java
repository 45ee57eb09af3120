package com.infraconsole.audit;

import java.util.regex.Pattern;

/**
 * Where a chain lives. The console's own is {@link #DEFAULT}; verification can be pointed at a
 * copy (another schema, restored backup) to examine it without touching the live tables.
 */
public record ChainTables(String logs, String head, String anchors) {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_]+\\.)?[A-Za-z0-9_]+");

    public static final ChainTables DEFAULT = new ChainTables("audit_logs", "audit_chain_head", "audit_chain_anchors");

    public ChainTables {
        for (var n : new String[] {logs, head, anchors}) {
            if (n == null || !NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("Not a table name: " + n);
            }
        }
    }

    /** The three tables under the same names in another schema. */
    public static ChainTables inSchema(String schema) {
        return new ChainTables(schema + ".audit_logs", schema + ".audit_chain_head", schema + ".audit_chain_anchors");
    }
}
