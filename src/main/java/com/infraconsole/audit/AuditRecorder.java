package com.infraconsole.audit;

import com.infraconsole.base.audit.AuditEvent;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects audit entries into the current transaction's buffer ({@link ChainBuffer}); the buffer
 * writes them when the transaction commits and forgets them when it rolls back. An entry with no
 * writable transaction around it (a login, a read-only export) gets a short transaction of its own.
 */
@Component
class AuditRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditChainWriter writer;
    private final TransactionTemplate ownTransaction;
    private final AuditSwitch auditSwitch;

    AuditRecorder(AuditChainWriter writer, PlatformTransactionManager transactions, AuditSwitch auditSwitch) {
        this.writer = writer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.auditSwitch = auditSwitch;
    }

    boolean isEnabled() {
        return auditSwitch.enabled();
    }

    void recordChange(String action, String entityType, String entityId, Map<String, Object[]> changes) {
        var actor = Actor.current();
        record(new PendingEntry(
                actor.userId(),
                actor.username(),
                action,
                entityType,
                entityId,
                json(changes),
                actor.clientIp(),
                actor.userAgent(),
                "SUCCESS"));
    }

    @EventListener
    void on(AuditEvent event) {
        if (!isEnabled()) {
            return;
        }
        var actor = event.actorOverride() == null ? Actor.current() : Actor.named(event.actorOverride());
        record(new PendingEntry(
                actor.userId(),
                actor.username(),
                event.action(),
                event.entityType(),
                event.entityId(),
                json(event.changes()),
                actor.clientIp(),
                actor.userAgent(),
                event.outcome() == null ? "SUCCESS" : event.outcome()));
    }

    /** For events whose actor is not the signed-in user (a login attempt, a lockout). */
    void record(
            Actor actor,
            String action,
            String entityType,
            String entityId,
            Map<String, Object[]> changes,
            String outcome) {
        if (isEnabled()) {
            record(new PendingEntry(
                    actor.userId(),
                    actor.username(),
                    action,
                    entityType,
                    entityId,
                    json(changes),
                    actor.clientIp(),
                    actor.userAgent(),
                    outcome));
        }
    }

    /** A refusal must stay on record even when the transaction around it rolls back because of it. */
    void recordOutsideTransaction(
            Actor actor,
            String action,
            String entityType,
            String entityId,
            Map<String, Object[]> changes,
            String outcome) {
        if (isEnabled()) {
            var entry = new PendingEntry(
                    actor.userId(),
                    actor.username(),
                    action,
                    entityType,
                    entityId,
                    json(changes),
                    actor.clientIp(),
                    actor.userAgent(),
                    outcome);
            ownTransaction.executeWithoutResult(
                    status -> ChainBuffer.current(writer).add(entry));
        }
    }

    private void record(PendingEntry entry) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            ChainBuffer.current(writer).add(entry);
        } else {
            ownTransaction.executeWithoutResult(
                    status -> ChainBuffer.current(writer).add(entry));
        }
    }

    static String json(Map<String, Object[]> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        var sorted = new java.util.TreeMap<String, Object[]>();
        changes.forEach((k, v) -> sorted.put(k, new Object[] {
            v.length > 0 ? EntityChangeListener.simple(v[0]) : null,
            v.length > 1 ? EntityChangeListener.simple(v[1]) : null
        }));
        return JSON.writeValueAsString(sorted);
    }
}
