package com.infraconsole;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin installs its own SecurityContextHolderStrategy (one per Spring context, each with its own
 * thread-local) as the JVM-wide strategy. When browser tests (a second, web-server context) run in
 * the same JVM as the others, the JVM-wide strategy belongs to whichever context started last, and
 * method security in the other context no longer sees the signed-in test user. Before each test,
 * point the JVM-wide strategy back at the test's own context.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
