package com.infraconsole.job;

import java.util.HashSet;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

/**
 * Hands jobs to Quartz's clustered JDBC store. The trigger is written in the caller's
 * transaction (Spring's LocalDataSourceJobStore joins it), so a launched job and its trigger
 * commit or roll back together: none is lost. Exactly one node fires a trigger; the claim in
 * {@link JobStateStore} guards against any second run anyway.
 */
@Component
class JobDispatcher {

    static final String GROUP = "jobs";
    private final Scheduler scheduler;

    JobDispatcher(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(long jobId) {
        var detail = JobBuilder.newJob(RunJobQuartzJob.class)
                .withIdentity(key(jobId))
                .usingJobData(RunJobQuartzJob.JOB_ID, jobId)
                // Never re-run on another node after a crash: the sweeper marks the job failed instead.
                .requestRecovery(false)
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity("job-" + jobId, GROUP)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** Drops the queued run of a job cancelled while pending (a no-op when it already fired). */
    void remove(long jobId) {
        try {
            scheduler.deleteJob(key(jobId));
        } catch (SchedulerException e) {
            // The claim refuses cancelled jobs, so a trigger that still fires does nothing.
        }
    }

    /**
     * Whether the job still has its trigger in Quartz: waiting, or fired and running its claim
     * (a fired one-shot trigger stays, as complete, until its execution ends). Unknown counts as yes.
     */
    boolean isQueued(long jobId) {
        try {
            return scheduler.checkExists(TriggerKey.triggerKey("job-" + jobId, GROUP));
        } catch (SchedulerException e) {
            return true;
        }
    }

    /** The ids of jobs that have a trigger now, in one query (for sweeping many pending jobs). */
    Set<Long> queuedJobIds() throws SchedulerException {
        var ids = new HashSet<Long>();
        for (var key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (key.getName().startsWith("job-")) {
                try {
                    ids.add(Long.parseLong(key.getName().substring(4)));
                } catch (NumberFormatException e) {
                    // Not one of ours.
                }
            }
        }
        return ids;
    }

    private static JobKey key(long jobId) {
        return JobKey.jobKey("job-" + jobId, GROUP);
    }
}
