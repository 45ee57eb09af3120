-- Jobs as the console runs them: several target servers, run options, the node running it and
-- its heartbeat (to detect lost nodes), a timeout, the PLAY RECAP per host, cancel requests.
-- jobs.server_id stays the first target so that the old platform's queries keep working.
ALTER TABLE jobs
    ADD COLUMN check_mode             BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN verbosity              INT          NOT NULL DEFAULT 0,
    ADD COLUMN node_id                VARCHAR(190) NULL,
    ADD COLUMN heartbeat_at           DATETIME(6)  NULL,
    ADD COLUMN timeout_seconds        INT          NULL,
    ADD COLUMN recap                  TEXT         NULL,
    ADD COLUMN cancel_requested       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN open_ticket_on_failure BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN schedule_id            BIGINT       NULL,
    ADD CONSTRAINT chk_jobs_verbosity CHECK (verbosity BETWEEN 0 AND 4),
    ADD CONSTRAINT chk_jobs_timeout CHECK (timeout_seconds IS NULL OR timeout_seconds > 0),
    ADD CONSTRAINT chk_jobs_recap_json CHECK (recap IS NULL OR JSON_VALID(recap));

-- The sweeper looks for running jobs whose heartbeat is old; the list filters by user and playbook.
CREATE INDEX idx_jobs_status_heartbeat ON jobs (status, heartbeat_at);
CREATE INDEX idx_jobs_user_created ON jobs (user_id, created_at);
CREATE INDEX idx_jobs_playbook_created ON jobs (playbook_id, created_at);

CREATE TABLE job_targets (
    job_id    BIGINT NOT NULL,
    position  INT    NOT NULL,
    server_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, position),
    CONSTRAINT uq_job_targets_server UNIQUE (job_id, server_id),
    CONSTRAINT fk_job_targets_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
    CONSTRAINT fk_job_targets_server FOREIGN KEY (server_id) REFERENCES servers (id),
    INDEX idx_job_targets_server (server_id, job_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Existing jobs (one server each) get their target row.
INSERT INTO job_targets (job_id, position, server_id) SELECT id, 0, server_id FROM jobs;

-- Log pages are fetched by line number ranges of one job: make (job_id, line_number) unique,
-- which also guarantees that a line is never written twice.
CREATE UNIQUE INDEX uq_job_logs_job_line ON job_logs (job_id, line_number);
DROP INDEX idx_job_logs_job_line ON job_logs;
