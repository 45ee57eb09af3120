package com.infraconsole.audit;

import java.time.Instant;

/**
 * One row of audit_logs exactly as stored and hashed.
 *
 * @param changes JSON {field: [old, new]}, or null
 * @param keyId the audit key whose HMAC {@code hash} is, or null for a row hashed with plain SHA-256
 *     (written before the chain was keyed)
 */
public record AuditRow(
        long seq,
        Instant occurredAt,
        Long userId,
        String username,
        String action,
        String entityType,
        String entityId,
        String changes,
        String clientIp,
        String userAgent,
        String outcome,
        String prevHash,
        String hash,
        String keyId) {

    /** A row without a key (plain SHA-256). */
    public AuditRow(
            long seq,
            Instant occurredAt,
            Long userId,
            String username,
            String action,
            String entityType,
            String entityId,
            String changes,
            String clientIp,
            String userAgent,
            String outcome,
            String prevHash,
            String hash) {
        this(
                seq,
                occurredAt,
                userId,
                username,
                action,
                entityType,
                entityId,
                changes,
                clientIp,
                userAgent,
                outcome,
                prevHash,
                hash,
                null);
    }

    AuditRow withHash(String newHash) {
        return new AuditRow(
                seq,
                occurredAt,
                userId,
                username,
                action,
                entityType,
                entityId,
                changes,
                clientIp,
                userAgent,
                outcome,
                prevHash,
                newHash,
                keyId);
    }

    AuditRow withKey(String newKeyId) {
        return new AuditRow(
                seq,
                occurredAt,
                userId,
                username,
                action,
                entityType,
                entityId,
                changes,
                clientIp,
                userAgent,
                outcome,
                prevHash,
                hash,
                newKeyId);
    }
}
