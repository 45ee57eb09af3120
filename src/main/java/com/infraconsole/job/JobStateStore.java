package com.infraconsole.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status transitions of jobs, each decided under the job's row lock (SELECT ... FOR UPDATE),
 * so that a claim, a cancel, a finish and the node-lost sweeper never overwrite each other and
 * no job is claimed twice. Transitions go through JPA (audited); heartbeats are plain SQL.
 */
@Component
class JobStateStore {

    enum Beat { OK, CANCEL, LOST }

    private final JobRepository jobs;
    private final JdbcClient jdbc;
    private final Clock clock;

    JobStateStore(JobRepository jobs, JdbcClient jdbc, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** pending -> running on this node; empty if the job is not pending (taken, cancelled, gone). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Job> claim(long jobId, String nodeId) {
        var job = jobs.lockById(jobId).orElse(null);
        if (job == null || job.getStatus() != JobStatus.PENDING) {
            return Optional.empty();
        }
        if (job.isCancelRequested()) {
            job.finish(JobStatus.CANCELLED, null, "Cancelled before it started", null, clock.instant());
            return Optional.empty();
        }
        job.start(nodeId, clock.instant());
        return Optional.of(jobs.saveAndFlush(job));
    }

    /** Proves the node is alive; says whether a cancel was requested or the job was taken away. */
    public Beat heartbeat(long jobId, String nodeId) {
        int n = jdbc.sql("UPDATE jobs SET heartbeat_at = ? WHERE id = ? AND node_id = ? AND status = 'running'")
                .params(Timestamp.from(clock.instant()), jobId, nodeId).update();
        if (n == 0) {
            return Beat.LOST;
        }
        boolean cancel = jdbc.sql("SELECT cancel_requested FROM jobs WHERE id = ?").param(jobId)
                .query(Boolean.class).single();
        return cancel ? Beat.CANCEL : Beat.OK;
    }

    /** running -> final status, only if this node still owns the run. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean finish(long jobId, String nodeId, JobStatus status, Integer exitCode, String message, String recap) {
        var job = jobs.lockById(jobId).orElse(null);
        if (job == null || job.getStatus() != JobStatus.RUNNING || !nodeId.equals(job.getNodeId())) {
            return false;
        }
        job.finish(status, exitCode, truncate(message), recap, clock.instant());
        return true;
    }

    /** Fails a job still pending that could not be started (e.g. its playbook was deleted). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failPending(long jobId, String message) {
        jobs.lockById(jobId).filter(j -> j.getStatus() == JobStatus.PENDING)
                .ifPresent(j -> j.finish(JobStatus.FAILED, null, truncate(message), null, clock.instant()));
    }

    JobStatus finishedStatus(long jobId) {
        return jdbc.sql("SELECT status FROM jobs WHERE id = ?").param(jobId).query(String.class).optional()
                .map(JobStatus::fromDbValue).orElse(null);
    }

    List<Long> runningWithHeartbeatBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ?)")
                .param(Timestamp.from(cutoff)).query(Long.class).list();
    }

    List<Long> runningOn(String nodeId) {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'running' AND node_id = ?").param(nodeId)
                .query(Long.class).list();
    }

    /** Fails a running job whose node is gone; re-checked under the lock. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failLost(long jobId, Instant cutoff, String nodeIdOrNull, String message) {
        var job = jobs.lockById(jobId).orElse(null);
        if (job == null || job.getStatus() != JobStatus.RUNNING) {
            return false;
        }
        boolean stale = job.getHeartbeatAt() == null || job.getHeartbeatAt().isBefore(cutoff);
        boolean mine = nodeIdOrNull != null && nodeIdOrNull.equals(job.getNodeId());
        if (!stale && !mine) {
            return false;
        }
        job.finish(JobStatus.FAILED, null, truncate(message), null, clock.instant());
        return true;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 10_000 ? s : s.substring(0, 10_000);
    }
}
