package com.infraconsole.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether audit rows are written. Always on in the product; {@code infra.audit.enabled=false}
 * and {@link #set} exist only so that the benchmark can time the same update with and without
 * its audit row in one run.
 */
@Component
class AuditSwitch {

    private static final Logger log = LoggerFactory.getLogger(AuditSwitch.class);

    private volatile boolean enabled;

    AuditSwitch(@Value("${infra.audit.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            log.warn(
                    "Audit recording is switched OFF (infra.audit.enabled=false): benchmarks only, never in production");
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Benchmark only. */
    void set(boolean on) {
        enabled = on;
    }
}
