package com.infraconsole.job;

import com.infraconsole.ticket.TicketService;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a job: a failed or timed-out job launched with "open a ticket on failure" gets an open
 * ticket linked to it, through the ticket service (so the ticket is validated and audited like
 * any other). Runs as the console itself, after the job's final status is committed.
 */
@Component
class JobFollowUp {

    private static final Logger log = LoggerFactory.getLogger(JobFollowUp.class);
    private static final Set<JobStatus> FAILURES = Set.of(JobStatus.FAILED, JobStatus.TIMED_OUT);
    private final JobRepository jobs;
    private final PlaybookSource playbooks;
    private final TicketService tickets;

    JobFollowUp(JobRepository jobs, PlaybookSource playbooks, TicketService tickets) {
        this.jobs = jobs;
        this.playbooks = playbooks;
        this.tickets = tickets;
    }

    void afterFinish(long jobId) {
        try {
            jobs.findById(jobId).filter(j -> j.isOpenTicketOnFailure() && FAILURES.contains(j.getStatus())).ifPresent(j -> {
                var playbook = playbooks.find(j.getPlaybookId()).map(PlaybookSource.PlaybookRef::name)
                        .orElse("playbook #" + j.getPlaybookId());
                var outcome = j.getStatus().label().toLowerCase();
                var title = "Job #" + j.getId() + " " + outcome + ": " + playbook;
                var description = "Job " + j.getJobUuid() + " ended " + outcome
                        + (j.getErrorMessage() == null ? "." : ": " + j.getErrorMessage());
                tickets.openForFailedJob(j.getId(), title, description, j.getServerId(), j.getUserId());
            });
        } catch (RuntimeException e) {
            log.warn("Could not open a ticket for failed job {}", jobId, e);
        }
    }
}
