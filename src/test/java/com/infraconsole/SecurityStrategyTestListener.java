package com.infraconsole;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each Spring context installs its own Vaadin-aware SecurityContextHolderStrategy globally, and
 * the last one started wins; method security, however, reads the strategy of its own context.
 * With several cached test contexts, a test would sign in through one and be checked by
 * another. Before each test, re-install the strategy of the context that test uses.
 */
public class SecurityStrategyTestListener implements TestExecutionListener, org.springframework.core.Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
