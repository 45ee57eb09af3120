package com.infraconsole.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives every writing transaction its buffer as it begins (Spring Boot registers this listener
 * with the transaction manager). Changes that Hibernate only flushes at commit would otherwise
 * arrive after the before-commit phase, with nobody left to write them.
 */
@Component
class ChainBufferStarter implements TransactionExecutionListener {

    // Looked up late: the transaction manager is built with this listener, and the writer's
    // dependencies lead back to it.
    private final ObjectProvider<AuditChainWriter> writer;
    private final AuditSwitch auditSwitch;

    ChainBufferStarter(ObjectProvider<AuditChainWriter> writer, AuditSwitch auditSwitch) {
        this.writer = writer;
        this.auditSwitch = auditSwitch;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null
                && auditSwitch.enabled()
                && !transaction.isReadOnly()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            ChainBuffer.current(writer.getObject());
        }
    }
}
