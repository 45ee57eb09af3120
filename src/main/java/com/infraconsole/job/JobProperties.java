package com.infraconsole.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code infra.jobs}.
 *
 * @param maxConcurrent jobs one node runs at once (its Quartz thread pool)
 * @param ansiblePlaybook the executable: a name looked up on PATH, or an absolute path
 * @param nodeId this node's stable name; default host name + HTTP port
 * @param defaultTimeout a job still running after this is killed and marked timed_out
 * @param heartbeatInterval how often a running job proves its node is alive (and sees cancels)
 * @param nodeLostAfter a running job without heartbeat for this long is failed as "node lost"
 * @param logFlushLines log lines written per batch at most
 * @param logFlushInterval a partial batch is written after this long
 * @param logRetentionDays a month of log lines is dropped once it ended this many days ago (0 = keep forever)
 * @param strandedAfter a pending job this old without a Quartz trigger (its claim failed) is queued again
 * @param strandedFailAfter a pending job this old without a Quartz trigger is failed instead
 */
@ConfigurationProperties("infra.jobs")
public record JobProperties(
        int maxConcurrent,
        String ansiblePlaybook,
        String nodeId,
        Duration defaultTimeout,
        Duration heartbeatInterval,
        Duration nodeLostAfter,
        Integer logFlushLines,
        Duration logFlushInterval,
        int logRetentionDays,
        Duration strandedAfter,
        Duration strandedFailAfter) {

    public JobProperties {
        maxConcurrent = maxConcurrent <= 0 ? 4 : maxConcurrent;
        ansiblePlaybook = ansiblePlaybook == null || ansiblePlaybook.isBlank() ? "ansible-playbook" : ansiblePlaybook;
        defaultTimeout = defaultTimeout == null ? Duration.ofHours(1) : defaultTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(2) : heartbeatInterval;
        nodeLostAfter = nodeLostAfter == null ? Duration.ofSeconds(30) : nodeLostAfter;
        logFlushLines = logFlushLines == null ? 1000 : logFlushLines;
        logFlushInterval = logFlushInterval == null ? Duration.ofMillis(100) : logFlushInterval;
        strandedAfter = strandedAfter == null ? Duration.ofMinutes(2) : strandedAfter;
        strandedFailAfter = strandedFailAfter == null ? Duration.ofHours(1) : strandedFailAfter;
    }
}
