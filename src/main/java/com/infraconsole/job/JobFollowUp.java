package com.infraconsole.job;

import com.infraconsole.playbook.PlaybookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * After a job: tells the rest of the console that it ended, with a {@link JobFinished} event,
 * once its final status is committed. Listeners run in this thread, as the console itself; one
 * that fails is logged and never changes the job's outcome.
 */
@Component
class JobFollowUp {

    private static final Logger log = LoggerFactory.getLogger(JobFollowUp.class);
    private final JobRepository jobs;
    private final PlaybookSource playbooks;
    private final ApplicationEventPublisher events;

    JobFollowUp(JobRepository jobs, PlaybookSource playbooks, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.playbooks = playbooks;
        this.events = events;
    }

    void afterFinish(long jobId) {
        try {
            jobs.findById(jobId).filter(j -> j.getStatus().isFinished()).ifPresent(j -> {
                var playbook = playbooks
                        .find(j.getPlaybookId())
                        .map(PlaybookSource.PlaybookRef::name)
                        .orElse("playbook #" + j.getPlaybookId());
                events.publishEvent(new JobFinished(
                        j.getId(),
                        j.getJobUuid(),
                        j.getStatus(),
                        j.isOpenTicketOnFailure(),
                        j.getPlaybookId(),
                        playbook,
                        j.getServerId(),
                        j.getUserId(),
                        j.getErrorMessage()));
            });
        } catch (RuntimeException e) {
            log.warn("A listener failed after job {} ended", jobId, e);
        }
    }
}
