package com.infraconsole.job;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz side of a job run; Spring's job factory injects the runner. */
class RunJobQuartzJob implements Job {

    static final String JOB_ID = "jobId";
    private final JobRunner runner;

    RunJobQuartzJob(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(context.getMergedJobDataMap().getLong(JOB_ID));
    }
}
