package com.infraconsole.job;

import com.infraconsole.security.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fired by a schedule's cron trigger on one node of the cluster: launches a job (it is queued, not run here). */
@DisallowConcurrentExecution
class ScheduledLaunchQuartzJob implements Job {

    static final String SCHEDULE_ID = "scheduleId";
    private final JobScheduleService schedules;

    ScheduledLaunchQuartzJob(JobScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long id = context.getMergedJobDataMap().getLong(SCHEDULE_ID);
        SystemAuthentication.run(() -> schedules.fire(id));
    }
}
