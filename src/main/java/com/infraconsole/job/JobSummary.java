package com.infraconsole.job;

import java.time.Instant;

/** One row of the jobs list. */
public record JobSummary(
        long id,
        String uuid,
        JobStatus status,
        long playbookId,
        String playbookName,
        String firstTarget,
        int targetCount,
        String username,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    public String targetsLabel() {
        return targetCount <= 1 ? firstTarget : firstTarget + " +" + (targetCount - 1);
    }
}
