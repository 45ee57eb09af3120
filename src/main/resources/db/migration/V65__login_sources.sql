-- Failed logins per source address, shared by every console node
-- (docs/decisions/065-login-throttling.md): the back-off of each source, and how many of its
-- failures the audit log has recorded in the current window (the rest are summed up in one row).
CREATE TABLE login_sources (
    source             VARCHAR(45) NOT NULL,
    failures           INT         NOT NULL DEFAULT 0,
    last_failure_at    DATETIME(6) NOT NULL,
    blocked_until      DATETIME(6) NULL,
    audit_window_start DATETIME(6) NOT NULL,
    audit_rows         INT         NOT NULL DEFAULT 0,
    audit_suppressed   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (source),
    KEY idx_login_sources_last_failure (last_failure_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
