package com.infraconsole.job;

import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>Heartbeats are written, and judged, in the database's time (UTC_TIMESTAMP(6), the same
 * time zone Hibernate writes in): the node that beats and the node that sweeps may have clocks
 * that disagree, the database has one.
 */
@Component
class JobStateStore {

    enum Beat {
        OK,
        CANCEL,
        LOST
    }

    private final JobRepository jobs;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JobDispatcher dispatcher;

    JobStateStore(JobRepository jobs, JdbcClient jdbc, Clock clock, JobDispatcher dispatcher) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
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
        var started = jobs.saveAndFlush(job);
        beatNow(jobId);
        return Optional.of(started);
    }

    private void beatNow(long jobId) {
        jdbc.sql("UPDATE jobs SET heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?")
                .param(jobId)
                .update();
    }

    /** Proves the node is alive; says whether a cancel was requested or the job was taken away. */
    public Beat heartbeat(long jobId, String nodeId) {
        int n = jdbc.sql(
                        "UPDATE jobs SET heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ? AND node_id = ? AND status = 'running'")
                .params(jobId, nodeId)
                .update();
        if (n == 0) {
            return Beat.LOST;
        }
        boolean cancel = jdbc.sql("SELECT cancel_requested FROM jobs WHERE id = ?")
                .param(jobId)
                .query(Boolean.class)
                .single();
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
        jobs.lockById(jobId)
                .filter(j -> j.getStatus() == JobStatus.PENDING)
                .ifPresent(j -> j.finish(JobStatus.FAILED, null, truncate(message), null, clock.instant()));
    }

    /** Pending jobs created longer ago than the given age (database time), oldest first, a page at a time. */
    List<Long> pendingOlderThan(Duration age, long afterId, int limit) {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'pending' AND id > ?"
                        + " AND created_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND ORDER BY id LIMIT ?")
                .params(afterId, micros(age), limit)
                .query(Long.class)
                .list();
    }

    /** What {@link #requeueIfStranded} did. */
    enum Stranded {
        NOTHING,
        REQUEUED,
        FAILED
    }

    /**
     * A pending job whose Quartz trigger is gone (its claim failed, or its node died between the
     * fire and the claim) gets a new trigger, or fails once it is older than {@code failAfter}.
     * Decided under the job's row lock, and the new trigger commits with it: two sweeping nodes
     * queue it once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Stranded requeueIfStranded(long jobId, Duration failAfter) {
        var job = jobs.lockById(jobId).orElse(null);
        if (job == null || job.getStatus() != JobStatus.PENDING || dispatcher.isQueued(jobId)) {
            return Stranded.NOTHING;
        }
        boolean tooOld = jdbc.sql(
                        "SELECT created_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND FROM jobs WHERE id = ?")
                .params(micros(failAfter), jobId)
                .query(Boolean.class)
                .single();
        if (tooOld) {
            job.finish(
                    JobStatus.FAILED,
                    null,
                    "Could not be started: no console node took it within " + failAfter.toMinutes() + " min",
                    null,
                    clock.instant());
            return Stranded.FAILED;
        }
        dispatcher.enqueue(jobId);
        return Stranded.REQUEUED;
    }

    JobStatus finishedStatus(long jobId) {
        return jdbc.sql("SELECT status FROM jobs WHERE id = ?")
                .param(jobId)
                .query(String.class)
                .optional()
                .map(JobStatus::fromDbValue)
                .orElse(null);
    }

    /** Running jobs whose last heartbeat is older than the given age, in the database's time. */
    List<Long> runningWithHeartbeatOlderThan(Duration age) {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'running' AND (heartbeat_at IS NULL"
                        + " OR heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND)")
                .param(micros(age))
                .query(Long.class)
                .list();
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    List<Long> runningOn(String nodeId) {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'running' AND node_id = ?")
                .param(nodeId)
                .query(Long.class)
                .list();
    }

    /**
     * Fails a running job whose node is gone: its heartbeat is older than the given age (database
     * time) or it runs on the given node. Re-checked under the lock.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failLost(long jobId, Duration age, String nodeIdOrNull, String message) {
        var job = jobs.lockById(jobId).orElse(null);
        if (job == null || job.getStatus() != JobStatus.RUNNING) {
            return false;
        }
        boolean stale = jdbc.sql(
                        "SELECT heartbeat_at IS NULL OR heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND"
                                + " FROM jobs WHERE id = ?")
                .params(micros(age), jobId)
                .query(Boolean.class)
                .single();
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
