-- The old platform's initial schema: users, servers, playbooks, jobs, job_logs, tickets, audit_logs.
-- Statuses, roles and priorities are VARCHAR columns guarded by CHECK constraints (enforced by
-- MariaDB 10.2+ and MySQL 8.0.16+), which Hibernate validates as plain strings.

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(80)  NOT NULL,
    email         VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20)  NOT NULL DEFAULT 'operator',
    is_active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_login    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT chk_users_role CHECK (role IN ('admin', 'operator', 'auditor'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE servers (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    hostname    VARCHAR(255) NOT NULL,
    ip_address  VARCHAR(45)  NOT NULL,
    ssh_port    INT          NOT NULL DEFAULT 22,
    ssh_user    VARCHAR(64)  NOT NULL DEFAULT 'root',
    os_type     VARCHAR(50)  NULL,
    environment VARCHAR(20)  NOT NULL DEFAULT 'development',
    status      VARCHAR(20)  NOT NULL DEFAULT 'active',
    description VARCHAR(500) NULL,
    created_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_servers_hostname UNIQUE (hostname),
    CONSTRAINT chk_servers_ssh_port CHECK (ssh_port BETWEEN 1 AND 65535),
    CONSTRAINT chk_servers_status CHECK (status IN ('active', 'inactive', 'maintenance')),
    CONSTRAINT chk_servers_environment CHECK (environment IN ('development', 'staging', 'production')),
    INDEX idx_servers_ip_address (ip_address),
    INDEX idx_servers_status (status),
    INDEX idx_servers_environment (environment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE playbooks (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    content     MEDIUMTEXT   NOT NULL,
    created_by  BIGINT       NULL,
    created_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_playbooks_name UNIQUE (name),
    CONSTRAINT fk_playbooks_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE jobs (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    job_id        VARCHAR(36) NOT NULL,
    playbook_id   BIGINT      NOT NULL,
    server_id     BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'pending',
    extra_vars    TEXT        NULL,
    exit_code     INT         NULL,
    error_message TEXT        NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    started_at    DATETIME(6) NULL,
    completed_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_jobs_job_id UNIQUE (job_id),
    CONSTRAINT fk_jobs_playbook FOREIGN KEY (playbook_id) REFERENCES playbooks (id),
    CONSTRAINT fk_jobs_server FOREIGN KEY (server_id) REFERENCES servers (id),
    CONSTRAINT fk_jobs_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT chk_jobs_status CHECK (status IN ('pending', 'running', 'success', 'failed', 'cancelled', 'timed_out')),
    INDEX idx_jobs_status_created (status, created_at),
    INDEX idx_jobs_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE job_logs (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    job_id      BIGINT      NOT NULL,
    line_number INT         NOT NULL,
    timestamp   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    content     TEXT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_job_logs_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
    INDEX idx_job_logs_job_line (job_id, line_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tickets (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    title       VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    priority    VARCHAR(20)  NOT NULL DEFAULT 'medium',
    status      VARCHAR(20)  NOT NULL DEFAULT 'open',
    created_by  BIGINT       NULL,
    assigned_to BIGINT       NULL,
    server_id   BIGINT       NULL,
    job_id      BIGINT       NULL,
    created_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    resolved_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_assigned_to FOREIGN KEY (assigned_to) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_server FOREIGN KEY (server_id) REFERENCES servers (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE SET NULL,
    CONSTRAINT chk_tickets_priority CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT chk_tickets_status CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    INDEX idx_tickets_status_priority (status, priority),
    INDEX idx_tickets_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- No foreign key to users: an audit row must never change, not even through ON DELETE SET NULL.
CREATE TABLE audit_logs (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NULL,
    action      VARCHAR(50) NOT NULL,
    entity_type VARCHAR(50) NULL,
    entity_id   VARCHAR(64) NULL,
    details     TEXT        NULL,
    ip_address  VARCHAR(45) NULL,
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_audit_logs_created_at (created_at),
    INDEX idx_audit_logs_user (user_id, created_at),
    INDEX idx_audit_logs_entity (entity_type, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
