package com.infraconsole.audit;

import com.infraconsole.base.audit.AuditAction;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the {@link AuditAction} of the running service method the action of the entity changes it
 * makes. It wraps the transaction interceptor (it is ordered first), so the action is still in
 * place when the method's own transaction flushes at commit. When the method joined a longer
 * transaction, its changes are flushed before it returns, so they are captured under its action.
 */
final class AuditActionInterceptor implements MethodInterceptor {

    private static final ThreadLocal<Deque<String>> ACTIONS = ThreadLocal.withInitial(ArrayDeque::new);

    private final EntityManagerFactory emf;

    AuditActionInterceptor(EntityManagerFactory emf) {
        this.emf = emf;
    }

    static String currentAction() {
        return ACTIONS.get().peek();
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        var annotation = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), AuditAction.class);
        if (annotation == null) {
            return invocation.proceed();
        }
        var actions = ACTIONS.get();
        actions.push(annotation.value());
        try {
            var result = invocation.proceed();
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                var em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
                if (em != null) {
                    em.flush();
                }
            }
            return result;
        } finally {
            actions.pop();
            if (actions.isEmpty()) {
                ACTIONS.remove();
            }
        }
    }
}
