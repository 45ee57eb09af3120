package com.infraconsole.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a job: a failed or timed-out job launched with "open a ticket on failure" gets an open
 * ticket linked to it. Written straight into the tickets table (V1) so that the job feature
 * does not wait for the ticket feature; at merge this can call TicketService instead.
 */
@Component
class JobFollowUp {

    private static final Logger log = LoggerFactory.getLogger(JobFollowUp.class);
    private final JdbcClient jdbc;

    JobFollowUp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void afterFinish(long jobId) {
        try {
            // One statement, guarded so that a ticket is opened at most once per job.
            jdbc.sql("""
                    INSERT INTO tickets (title, description, priority, status, created_by, server_id, job_id, updated_by)
                    SELECT CONCAT('Job #', j.id, ' ', REPLACE(j.status, '_', ' '), ': ', p.name),
                           CONCAT('Job ', j.job_id, ' ended ', j.status, '. ', COALESCE(j.error_message, '')),
                           'high', 'open', j.user_id, j.server_id, j.id, 'system'
                    FROM jobs j JOIN playbooks p ON p.id = j.playbook_id
                    WHERE j.id = ? AND j.open_ticket_on_failure AND j.status IN ('failed', 'timed_out')
                      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.job_id = j.id)""").param(jobId).update();
        } catch (RuntimeException e) {
            log.warn("Could not open a ticket for failed job {}", jobId, e);
        }
    }
}
