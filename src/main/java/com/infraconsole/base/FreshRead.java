package com.infraconsole.base;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads in a read-only transaction of its own, beside the caller's: it sees what other sessions
 * have committed since the caller's transaction began. Services use it to say who saved a row
 * first when their own save was refused as stale.
 */
@Component
public class FreshRead {

    private final TransactionTemplate template;

    FreshRead(PlatformTransactionManager transactions) {
        template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setReadOnly(true);
    }

    public <T> T call(Supplier<T> read) {
        return template.execute(tx -> read.get());
    }
}
