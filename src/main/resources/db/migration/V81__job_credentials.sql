-- The credentials a launch chose (at most one of each kind), overriding the servers' and
-- environments' defaults. No foreign key to credentials: a job's history outlives a deleted
-- credential, and a job still pending then fails saying so.
CREATE TABLE job_credentials (
    job_id        BIGINT NOT NULL,
    position      INT    NOT NULL,
    credential_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, position),
    CONSTRAINT fk_job_credentials_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
