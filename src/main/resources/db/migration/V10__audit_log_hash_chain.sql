-- The audit trail becomes an append-only hash chain (issue 3). The old platform's rows have no
-- sequence or hash and cannot join the chain honestly, so they stay readable in audit_logs_legacy.
RENAME TABLE audit_logs TO audit_logs_legacy;

-- seq is assigned under the chain-head lock, so it is gapless and unique; occurred_at never goes
-- backwards along seq (the writer takes max(clock, last occurred_at)), which lets the screen turn a
-- time range into a seq range. The primary key carries occurred_at because a partitioned table
-- needs its partition column in every unique key. changes is MEDIUMTEXT, not JSON: MySQL's JSON
-- type rewrites the text (key order, spacing) and would break the hash.
CREATE TABLE audit_logs (
    seq         BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    user_id     BIGINT        NULL,
    username    VARCHAR(80)   NOT NULL,
    action      VARCHAR(50)   NOT NULL,
    entity_type VARCHAR(64)   NULL,
    entity_id   VARCHAR(64)   NULL,
    changes     MEDIUMTEXT    NULL,
    client_ip   VARCHAR(45)   NULL,
    user_agent  VARCHAR(512)  NULL,
    outcome     VARCHAR(16)   NOT NULL,
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL,
    PRIMARY KEY (seq, occurred_at),
    INDEX idx_audit_logs_occurred (occurred_at, seq),
    INDEX idx_audit_logs_user (username, seq),
    INDEX idx_audit_logs_action (action, seq),
    INDEX idx_audit_logs_entity (entity_type, entity_id, seq),
    CONSTRAINT chk_audit_logs_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
PARTITION BY RANGE COLUMNS (occurred_at) (
    PARTITION p_start VALUES LESS THAN ('2026-01-01'),
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);

-- One row: the end of the chain. Writers lock it last (SELECT ... FOR UPDATE) so that they take
-- turns for the few milliseconds of appending, and it tells the verifier where the chain must end.
CREATE TABLE audit_chain_head (
    id               TINYINT     NOT NULL,
    last_seq         BIGINT      NOT NULL,
    last_hash        CHAR(64)    NOT NULL,
    last_occurred_at DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT chk_audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_seq, last_hash, last_occurred_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);

-- Retention drops whole monthly partitions; each drop records the last row it removed, and
-- verification starts from the newest anchor instead of from the genesis hash.
CREATE TABLE audit_chain_anchors (
    seq            BIGINT      NOT NULL,
    hash           CHAR(64)    NOT NULL,
    partition_name VARCHAR(64) NOT NULL,
    dropped_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
