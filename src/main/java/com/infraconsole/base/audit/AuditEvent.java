package com.infraconsole.base.audit;

import java.util.Map;

/**
 * Something the audit log must record that is not an entity change: a login, a denied
 * access, an export, a verification. Publish it with Spring's ApplicationEventPublisher; the
 * audit feature writes it in the publishing transaction, or on its own when there is none.
 *
 * @param changes field name to {old, new}, may be empty
 * @param outcome SUCCESS, FAILURE or DENIED
 */
public record AuditEvent(
        String action,
        String entityType,
        String entityId,
        Map<String, Object[]> changes,
        String outcome,
        String actorOverride) {

    public static AuditEvent success(String action, String entityType, String entityId) {
        return new AuditEvent(action, entityType, entityId, Map.of(), "SUCCESS", null);
    }

    public static AuditEvent failure(String action, String entityType, String entityId, String actor) {
        return new AuditEvent(action, entityType, entityId, Map.of(), "FAILURE", actor);
    }
}
