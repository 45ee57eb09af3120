package com.infraconsole.job;

import org.jspecify.annotations.Nullable;

/**
 * Published once a job has ended and its final status is committed, in the thread that ran it,
 * as the console itself. Other modules react to it (the ticket module opens a ticket for a failed
 * job that asked for one) without the job module knowing them.
 *
 * @param launchedBy the user who launched the job, or null when a schedule did
 */
public record JobFinished(
        long jobId,
        String jobUuid,
        JobStatus status,
        boolean openTicketOnFailure,
        long playbookId,
        String playbookName,
        @Nullable Long serverId,
        @Nullable Long launchedBy,
        @Nullable String errorMessage) {

    /** Failed or timed out: ended without doing what it was launched for. */
    public boolean failed() {
        return status == JobStatus.FAILED || status == JobStatus.TIMED_OUT;
    }
}
