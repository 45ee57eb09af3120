package com.infraconsole.job;

import com.infraconsole.security.SystemAuthentication;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps "running" honest. Every node, every few seconds, fails running jobs whose heartbeat is
 * older than infra.jobs.node-lost-after ("node lost"); each decision is re-checked under the row
 * lock, so several nodes sweeping at once is harmless. On start, a node fails the jobs it left
 * running before a restart. A job failed either way opens its ticket when it
 * asked for one. Daily, old log lines are removed. Nothing runs in command-line mode.
 */
@Component
class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private final JobStateStore state;
    private final JobLogStore logs;
    private final JobFollowUp followUp;
    private final JobProperties props;
    private final Clock clock;
    private final String nodeId;
    private final boolean commandLine;

    JobSweeper(JobStateStore state, JobLogStore logs, JobFollowUp followUp, JobProperties props, Clock clock,
            JobNode node, @Value("${infra.cli.command:}") String cliCommand) {
        this.state = state;
        this.logs = logs;
        this.followUp = followUp;
        this.props = props;
        this.clock = clock;
        this.nodeId = node.id();
        this.commandLine = !cliCommand.isBlank();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failLeftoversOfThisNode() {
        if (commandLine) {
            return;
        }
        var cutoff = clock.instant();
        SystemAuthentication.run(() -> state.runningOn(nodeId).forEach(id -> {
            if (state.failLost(id, cutoff, nodeId, "Console node " + nodeId + " restarted while the job was running")) {
                log.warn("Job {} was left running by this node before a restart: marked failed", id);
                followUp.afterFinish(id);
            }
        }));
    }

    @Scheduled(fixedDelayString = "${infra.jobs.sweep-interval:2s}", initialDelayString = "${infra.jobs.sweep-interval:2s}")
    void failJobsOfLostNodes() {
        if (commandLine) {
            return;
        }
        var cutoff = clock.instant().minus(props.nodeLostAfter());
        SystemAuthentication.run(() -> state.runningWithHeartbeatBefore(cutoff).forEach(id -> {
            if (state.failLost(id, cutoff, null, "Node lost: the console node running this job stopped sending"
                    + " heartbeats for more than " + props.nodeLostAfter().toSeconds() + " s")) {
                log.warn("Job {} lost its node: marked failed", id);
                followUp.afterFinish(id);
            }
        }));
    }

    @Scheduled(cron = "${infra.jobs.retention-cron:0 30 3 * * *}")
    void removeOldLogs() {
        if (commandLine || props.logRetentionDays() <= 0) {
            return;
        }
        int n = logs.deleteOlderThan(clock.instant().minus(Duration.ofDays(props.logRetentionDays())));
        if (n > 0) {
            log.info("Removed {} job log lines older than {} days", n, props.logRetentionDays());
        }
    }
}
