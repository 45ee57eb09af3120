-- Inbound launch hooks: a URL that launches a schedule's job, or a fixed playbook on fixed
-- targets (a preset), as the schedule's or the hook's owner when a call is signed with the hook's
-- secret. The secret is stored AES-GCM encrypted under a key kept outside the database.
CREATE TABLE launch_hooks (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    name              VARCHAR(120) NOT NULL,
    schedule_id       BIGINT       NULL,
    playbook_id       BIGINT       NULL,
    extra_vars        TEXT         NULL,
    check_mode        BOOLEAN      NOT NULL DEFAULT FALSE,
    owner_id          BIGINT       NOT NULL,
    secret_ciphertext VARCHAR(255) NOT NULL,
    rate_per_minute   INT          NOT NULL DEFAULT 10,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at        DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_by        VARCHAR(80)  NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_launch_hooks_name UNIQUE (name),
    CONSTRAINT fk_launch_hooks_schedule FOREIGN KEY (schedule_id) REFERENCES job_schedules (id) ON DELETE CASCADE,
    CONSTRAINT fk_launch_hooks_owner FOREIGN KEY (owner_id) REFERENCES users (id),
    CONSTRAINT chk_launch_hooks_kind CHECK ((schedule_id IS NULL) <> (playbook_id IS NULL)),
    CONSTRAINT chk_launch_hooks_rate CHECK (rate_per_minute BETWEEN 1 AND 600)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A preset's targets. No foreign key to servers or playbooks: a deleted one makes the next call
-- fail validation (and say so in the audit log) instead of blocking the deletion.
CREATE TABLE launch_hook_targets (
    hook_id   BIGINT NOT NULL,
    position  INT    NOT NULL,
    server_id BIGINT NOT NULL,
    PRIMARY KEY (hook_id, position),
    CONSTRAINT fk_launch_hook_targets_hook FOREIGN KEY (hook_id) REFERENCES launch_hooks (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Delivery ids seen per hook (X-GitHub-Delivery, X-Gitlab-Event-UUID, Idempotency-Key): a second
-- call with the same id inside the replay window is refused. Shared by every node.
CREATE TABLE launch_hook_calls (
    hook_id     BIGINT       NOT NULL,
    delivery_id VARCHAR(100) NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    job_id      BIGINT       NULL,
    PRIMARY KEY (hook_id, delivery_id),
    CONSTRAINT fk_launch_hook_calls_hook FOREIGN KEY (hook_id) REFERENCES launch_hooks (id) ON DELETE CASCADE,
    INDEX idx_launch_hook_calls_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
