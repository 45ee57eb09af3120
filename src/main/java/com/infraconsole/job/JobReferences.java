package com.infraconsole.job;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For modules that link to a job by its id (a ticket's job): whether that job exists. An id says
 * nothing a reader could not see on the job screens, so this needs no role of its own; the
 * caller's service decides who may link.
 */
@Component
public class JobReferences {

    private final JobRepository jobs;

    JobReferences(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Transactional(readOnly = true)
    public boolean exists(long jobId) {
        return jobs.existsById(jobId);
    }
}
