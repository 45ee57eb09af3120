-- Cron schedules: a playbook on fixed targets, launched by Quartz (CronTrigger) as the user who
-- created the schedule. Jobs started by a schedule point back at it.
CREATE TABLE job_schedules (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    name                   VARCHAR(120) NOT NULL,
    playbook_id            BIGINT       NOT NULL,
    cron                   VARCHAR(120) NOT NULL,
    time_zone              VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    extra_vars             TEXT         NULL,
    check_mode             BOOLEAN      NOT NULL DEFAULT FALSE,
    verbosity              INT          NOT NULL DEFAULT 0,
    open_ticket_on_failure BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled                BOOLEAN      NOT NULL DEFAULT TRUE,
    owner_id               BIGINT       NOT NULL,
    created_at             DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at             DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_by             VARCHAR(80)  NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_job_schedules_name UNIQUE (name),
    CONSTRAINT fk_job_schedules_playbook FOREIGN KEY (playbook_id) REFERENCES playbooks (id),
    CONSTRAINT fk_job_schedules_owner FOREIGN KEY (owner_id) REFERENCES users (id),
    CONSTRAINT chk_job_schedules_verbosity CHECK (verbosity BETWEEN 0 AND 4)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE job_schedule_targets (
    schedule_id BIGINT NOT NULL,
    position    INT    NOT NULL,
    server_id   BIGINT NOT NULL,
    PRIMARY KEY (schedule_id, position),
    CONSTRAINT fk_job_schedule_targets_schedule FOREIGN KEY (schedule_id) REFERENCES job_schedules (id) ON DELETE CASCADE,
    CONSTRAINT fk_job_schedule_targets_server FOREIGN KEY (server_id) REFERENCES servers (id),
    INDEX idx_job_schedule_targets_server (server_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE jobs
    ADD CONSTRAINT fk_jobs_schedule FOREIGN KEY (schedule_id) REFERENCES job_schedules (id) ON DELETE SET NULL;
