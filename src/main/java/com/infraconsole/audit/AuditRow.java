package com.infraconsole.audit;

import java.time.Instant;

/**
 * One row of audit_logs exactly as stored and hashed.
 *
 * @param changes JSON {field: [old, new]}, or null
 */
public record AuditRow(long seq, Instant occurredAt, Long userId, String username, String action,
        String entityType, String entityId, String changes, String clientIp, String userAgent, String outcome,
        String prevHash, String hash) {

    AuditRow withHash(String newHash) {
        return new AuditRow(seq, occurredAt, userId, username, action, entityType, entityId, changes, clientIp,
                userAgent, outcome, prevHash, newHash);
    }
}
