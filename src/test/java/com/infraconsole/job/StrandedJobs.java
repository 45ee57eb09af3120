package com.infraconsole.job;

import com.infraconsole.security.SystemAuthentication;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * The stranded-job sweep (JobSweeper) for one job, at once: a job whose start failed during a
 * database outage is queued again. Tests cannot wait for the sweep's schedule and age.
 */
public final class StrandedJobs {

    private StrandedJobs() {}

    /** Queues the job again if it is pending without a Quartz trigger; returns whether it did. */
    public static boolean requeue(ApplicationContext ctx, long jobId) {
        return SystemAuthentication.call(
                        () -> ctx.getBean(JobStateStore.class).requeueIfStranded(jobId, Duration.ofHours(1)))
                == JobStateStore.Stranded.REQUEUED;
    }
}
