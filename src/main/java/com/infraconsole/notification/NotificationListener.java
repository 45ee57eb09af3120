package com.infraconsole.notification;

import com.infraconsole.audit.AuditChainBroken;
import com.infraconsole.job.JobFinished;
import com.infraconsole.job.JobStatus;
import com.infraconsole.ticket.TicketAssigned;
import com.infraconsole.user.AccountLockedEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the other modules' events into delivery rows, after their transaction committed (a rolled
 * back change notifies nobody) or at once when there was none (JobFinished comes after the job's
 * own commit). Writing the rows is all that happens here; sending is the worker's, so a slow
 * endpoint cannot hold up a job or a save. A failure here is logged, never thrown back.
 */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private final DeliveryQueue queue;
    private final Clock clock;

    NotificationListener(DeliveryQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(JobFinished job) {
        var event = job.status() == JobStatus.SUCCESS
                ? NotificationEvent.JOB_SUCCEEDED
                : job.status() == JobStatus.FAILED
                        ? NotificationEvent.JOB_FAILED
                        : job.status() == JobStatus.TIMED_OUT ? NotificationEvent.JOB_TIMED_OUT : null;
        if (event == null) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("jobId", job.jobId());
        data.put("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
        data.put("playbookId", job.playbookId());
        data.put("playbook", job.playbookName());
        data.put("error", job.errorMessage());
        var subject = "Job " + job.jobId() + " (" + job.playbookName() + ") "
                + switch (event) {
                    case JOB_SUCCEEDED -> "succeeded";
                    case JOB_TIMED_OUT -> "timed out";
                    default -> "failed";
                };
        enqueue(event, subject, subject + (job.errorMessage() == null ? "" : ": " + job.errorMessage()), data);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketAssigned ticket) {
        var subject = "Ticket " + ticket.ticketId() + " assigned to " + ticket.assignee();
        enqueue(
                NotificationEvent.TICKET_ASSIGNED,
                subject,
                subject + " by " + ticket.assignedBy() + ": " + ticket.title() + " ("
                        + ticket.priority().toLowerCase(java.util.Locale.ROOT) + " priority)",
                Map.of(
                        "ticketId",
                        ticket.ticketId(),
                        "title",
                        ticket.title(),
                        "priority",
                        ticket.priority(),
                        "assignee",
                        ticket.assignee(),
                        "assignedBy",
                        ticket.assignedBy()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AuditChainBroken broken) {
        enqueue(
                NotificationEvent.AUDIT_CHAIN_BROKEN,
                "Audit chain verification failed at seq " + broken.firstBadSeq(),
                broken.message(),
                Map.of("firstBadSeq", broken.firstBadSeq(), "problem", broken.problem()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccountLockedEvent locked) {
        var subject = "Account " + locked.username() + " locked after failed logins";
        enqueue(
                NotificationEvent.ACCOUNT_LOCKED,
                subject,
                subject + (locked.lockedUntil() == null ? "" : " until " + locked.lockedUntil()),
                Map.of(
                        "userId",
                        locked.userId(),
                        "username",
                        locked.username(),
                        "lockedUntil",
                        String.valueOf(locked.lockedUntil())));
    }

    private void enqueue(NotificationEvent event, String subject, String text, Map<String, Object> data) {
        try {
            queue.enqueue(new Message(event, clock.instant(), subject, text, data));
        } catch (RuntimeException e) {
            log.warn("Could not queue the {} notification: {}", event.wireName(), e.toString());
        }
    }
}
