package com.infraconsole.job;

import java.time.Instant;

/** What the jobs list is narrowed by; every part is optional. Times bound created_at. */
public record JobFilter(JobStatus status, Long playbookId, Long serverId, Long userId, Instant from, Instant to) {

    public static JobFilter none() {
        return new JobFilter(null, null, null, null, null, null);
    }
}
