package com.infraconsole.job;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.SystemAuthentication;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the job sandbox once a node is up, so that a missing bubblewrap shows in the log at
 * start and not only at the first launch; and records in the audit trail every start of a node
 * whose jobs run without it, since that gives every operator the console's own rights.
 */
@Component
class SandboxStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(SandboxStartupCheck.class);
    private final JobSandbox sandbox;
    private final ApplicationEventPublisher events;
    private final String nodeId;
    private final String cliCommand;

    SandboxStartupCheck(
            JobSandbox sandbox,
            ApplicationEventPublisher events,
            JobNode node,
            @Value("${infra.cli.command:}") String cliCommand) {
        this.sandbox = sandbox;
        this.events = events;
        this.nodeId = node.id();
        this.cliCommand = cliCommand;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (!cliCommand.isBlank()) {
            return; // A command-line run never runs jobs.
        }
        var status = sandbox.status();
        if (!status.enabled()) {
            log.warn(SandboxStatus.UNSANDBOXED_WARNING);
            SystemAuthentication.run(() -> events.publishEvent(new AuditEvent(
                    "JOB_SANDBOX_OFF",
                    "configuration",
                    nodeId,
                    Map.of("sandbox", new Object[] {"on", "off"}),
                    "SUCCESS",
                    null)));
        }
    }
}
