package com.infraconsole.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit entries of one transaction. Just before commit it hands them to the writer, which
 * appends them to the chain inside the same transaction; on rollback they are simply dropped.
 * Ordered last, so that other before-commit work is captured too.
 */
final class ChainBuffer implements TransactionSynchronization {

    private static final Object KEY = ChainBuffer.class;

    private final AuditChainWriter writer;
    private final List<PendingEntry> entries = new ArrayList<>();

    private ChainBuffer(AuditChainWriter writer) {
        this.writer = writer;
    }

    static ChainBuffer current(AuditChainWriter writer) {
        var buffer = (ChainBuffer) TransactionSynchronizationManager.getResource(KEY);
        if (buffer == null) {
            buffer = new ChainBuffer(writer);
            TransactionSynchronizationManager.bindResource(KEY, buffer);
            TransactionSynchronizationManager.registerSynchronization(buffer);
        }
        return buffer;
    }

    void add(PendingEntry entry) {
        entries.add(entry);
    }

    /** Takes what is pending; anything added later (by a flush) is taken by the next call. */
    List<PendingEntry> drain() {
        var copy = List.copyOf(entries);
        entries.clear();
        return copy;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        writer.append(this, readOnly);
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(KEY);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(KEY, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        entries.clear();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
