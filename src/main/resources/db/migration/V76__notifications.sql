-- Outbound notification rules: an event (job failed, ticket assigned...) sent to a channel (email,
-- a signed JSON webhook, Slack, Mattermost, Teams). The destination (webhook URLs carry their
-- tokens) and the webhook signing secret are stored AES-GCM encrypted; destination_hint is what
-- the screen shows (the email addresses, or a URL's scheme and host).
CREATE TABLE notification_rules (
    id                        BIGINT       NOT NULL AUTO_INCREMENT,
    name                      VARCHAR(120) NOT NULL,
    event                     VARCHAR(40)  NOT NULL,
    channel                   VARCHAR(20)  NOT NULL,
    destination_ciphertext    TEXT         NOT NULL,
    destination_hint          VARCHAR(200) NOT NULL,
    signing_secret_ciphertext VARCHAR(255) NULL,
    enabled                   BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at                DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_by                VARCHAR(80)  NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_notification_rules_name UNIQUE (name),
    CONSTRAINT chk_notification_rules_event CHECK (event IN ('job_failed', 'job_succeeded', 'job_timed_out',
        'ticket_assigned', 'audit_chain_broken', 'account_locked')),
    CONSTRAINT chk_notification_rules_channel CHECK (channel IN ('email', 'webhook', 'slack', 'mattermost', 'teams')),
    INDEX idx_notification_rules_event (event, enabled)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (event, rule), written after the event's transaction committed and worked off by
-- a worker on any node (FOR UPDATE SKIP LOCKED), with retries and backoff. The delivery log.
CREATE TABLE notification_deliveries (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    rule_id         BIGINT       NULL,
    rule_name       VARCHAR(120) NOT NULL,
    event           VARCHAR(40)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'pending',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    claimed_until   DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_deliveries_rule FOREIGN KEY (rule_id) REFERENCES notification_rules (id) ON DELETE SET NULL,
    CONSTRAINT chk_notification_deliveries_status CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    INDEX idx_notification_deliveries_due (status, next_attempt_at),
    INDEX idx_notification_deliveries_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
