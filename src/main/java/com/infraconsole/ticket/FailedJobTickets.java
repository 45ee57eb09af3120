package com.infraconsole.ticket;

import com.infraconsole.job.JobFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A failed or timed-out job launched with "open a ticket on failure" gets an open ticket linked to
 * it, through the ticket service, so the ticket is validated and audited like any other. Runs in
 * the job's thread as the console itself; a ticket that cannot be opened is logged, and the job's
 * outcome stays what it was.
 */
@Component
class FailedJobTickets {

    private static final Logger log = LoggerFactory.getLogger(FailedJobTickets.class);
    private final TicketService tickets;

    FailedJobTickets(TicketService tickets) {
        this.tickets = tickets;
    }

    @EventListener
    void on(JobFinished job) {
        if (!job.failed() || !job.openTicketOnFailure()) {
            return;
        }
        var outcome = job.status().label().toLowerCase();
        var title = "Job #" + job.jobId() + " " + outcome + ": " + job.playbookName();
        var description = "Job " + job.jobUuid() + " ended " + outcome
                + (job.errorMessage() == null ? "." : ": " + job.errorMessage());
        try {
            tickets.openForFailedJob(job.jobId(), title, description, job.serverId(), job.launchedBy());
        } catch (RuntimeException e) {
            log.warn("Could not open a ticket for failed job {}", job.jobId(), e);
        }
    }
}
