package com.infraconsole.job;

import com.infraconsole.security.SystemAuthentication;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.quartz.SchedulerException;
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
 * running before a restart. Every half minute, pending jobs that lost their Quartz trigger (a claim
 * that failed on a database error) are queued again, or failed when too old. A job failed any of
 * these ways opens its ticket when it asked for one. Nothing runs in command-line mode (old log
 * lines expire in {@link JobLogRetention}).
 */
@Component
class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private final JobStateStore state;
    private final JobDispatcher dispatcher;
    private final JobFollowUp followUp;
    private final JobProperties props;
    private final String nodeId;
    private final boolean commandLine;

    JobSweeper(
            JobStateStore state,
            JobDispatcher dispatcher,
            JobFollowUp followUp,
            JobProperties props,
            JobNode node,
            @Value("${infra.cli.command:}") String cliCommand) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.followUp = followUp;
        this.props = props;
        this.nodeId = node.id();
        this.commandLine = !cliCommand.isBlank();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failLeftoversOfThisNode() {
        if (commandLine) {
            return;
        }
        SystemAuthentication.run(() -> state.runningOn(nodeId).forEach(id -> {
            if (state.failLost(
                    id, Duration.ZERO, nodeId, "Console node " + nodeId + " restarted while the job was running")) {
                log.warn("Job {} was left running by this node before a restart: marked failed", id);
                followUp.afterFinish(id);
            }
        }));
    }

    @Scheduled(
            fixedDelayString = "${infra.jobs.sweep-interval:2s}",
            initialDelayString = "${infra.jobs.sweep-interval:2s}")
    void failJobsOfLostNodes() {
        if (commandLine) {
            return;
        }
        SystemAuthentication.run(() -> state.runningWithHeartbeatOlderThan(props.nodeLostAfter())
                .forEach(id -> {
                    if (state.failLost(
                            id,
                            props.nodeLostAfter(),
                            null,
                            "Node lost: the console node running this job stopped sending"
                                    + " heartbeats for more than "
                                    + props.nodeLostAfter().toSeconds() + " s")) {
                        log.warn("Job {} lost its node: marked failed", id);
                        followUp.afterFinish(id);
                    }
                }));
    }

    @Scheduled(
            fixedDelayString = "${infra.jobs.stranded-sweep-interval:30s}",
            initialDelayString = "${infra.jobs.stranded-sweep-interval:30s}")
    void requeueStrandedJobs() {
        if (commandLine) {
            return;
        }
        requeueStranded(props.strandedAfter());
    }

    /**
     * Pending jobs older than the given age whose Quartz trigger is gone: their claim failed (a
     * database error) after the trigger fired, and nothing else would ever start them.
     */
    void requeueStranded(Duration age) {
        SystemAuthentication.run(() -> {
            long after = 0;
            List<Long> page;
            do {
                page = state.pendingOlderThan(age, after, 500);
                if (page.isEmpty()) {
                    return;
                }
                after = page.getLast();
                Set<Long> queued;
                try {
                    queued = dispatcher.queuedJobIds();
                } catch (SchedulerException e) {
                    log.warn("Could not read Quartz triggers to look for stranded jobs: {}", e.getMessage());
                    return;
                }
                page.stream().filter(id -> !queued.contains(id)).forEach(this::requeueOne);
            } while (page.size() == 500);
        });
    }

    private void requeueOne(long id) {
        try {
            switch (state.requeueIfStranded(id, props.strandedFailAfter())) {
                case REQUEUED -> log.warn("Job {} was pending without a trigger (its start failed): queued again", id);
                case FAILED -> {
                    log.warn(
                            "Job {} was pending without a trigger for over {}: marked failed",
                            id,
                            props.strandedFailAfter());
                    followUp.afterFinish(id);
                }
                case NOTHING -> {}
            }
        } catch (RuntimeException e) {
            log.warn("Could not queue stranded job {} again: {}", id, e.toString());
        }
    }
}
