-- Occurrences of a schedule that launched nothing (its owner was deactivated or is no longer admin
-- or operator, or the launch was refused), for the schedules screen: how many, the last one and
-- why. Each skip is also an audit row (JOB_SCHEDULE_SKIP), which keeps the full history.
ALTER TABLE job_schedules
    ADD COLUMN skip_count       INT          NOT NULL DEFAULT 0,
    ADD COLUMN last_skipped_at  DATETIME(6)  NULL,
    ADD COLUMN last_skip_reason VARCHAR(500) NULL;
