-- flask db migrate -m "Initial schema - users, servers, playbooks, jobs, job_logs, tickets, audit_logs"
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 4c2d9a7e1b30

CREATE TABLE users (
    id BIGINT NOT NULL AUTO_INCREMENT,
    username VARCHAR(80) NOT NULL,
    email VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    `role` VARCHAR(20) NOT NULL DEFAULT 'operator',
    is_active BOOL NOT NULL DEFAULT 1,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_login DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT chk_users_role CHECK (`role` IN ('admin', 'operator', 'auditor'))
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE TABLE servers (
    id BIGINT NOT NULL AUTO_INCREMENT,
    hostname VARCHAR(255) NOT NULL,
    ip_address VARCHAR(45) NOT NULL,
    ssh_port INTEGER NOT NULL DEFAULT 22,
    ssh_user VARCHAR(64) NOT NULL DEFAULT 'root',
    os_type VARCHAR(50),
    environment VARCHAR(20) NOT NULL DEFAULT 'development',
    status VARCHAR(20) NOT NULL DEFAULT 'active',
    description VARCHAR(500),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_servers_hostname UNIQUE (hostname),
    CONSTRAINT chk_servers_ssh_port CHECK (ssh_port BETWEEN 1 AND 65535),
    CONSTRAINT chk_servers_status CHECK (status IN ('active', 'inactive', 'maintenance')),
    CONSTRAINT chk_servers_environment CHECK (environment IN ('development', 'staging', 'production'))
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE INDEX idx_servers_ip_address ON servers (ip_address);

CREATE INDEX idx_servers_status ON servers (status);

CREATE INDEX idx_servers_environment ON servers (environment);

CREATE TABLE playbooks (
    id BIGINT NOT NULL AUTO_INCREMENT,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    content MEDIUMTEXT NOT NULL,
    created_by BIGINT,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_playbooks_name UNIQUE (name),
    CONSTRAINT fk_playbooks_created_by FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE TABLE jobs (
    id BIGINT NOT NULL AUTO_INCREMENT,
    job_id VARCHAR(36) NOT NULL,
    playbook_id BIGINT NOT NULL,
    server_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'pending',
    extra_vars TEXT,
    exit_code INTEGER,
    error_message TEXT,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    started_at DATETIME(6),
    completed_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_jobs_job_id UNIQUE (job_id),
    CONSTRAINT fk_jobs_playbook FOREIGN KEY(playbook_id) REFERENCES playbooks (id),
    CONSTRAINT fk_jobs_server FOREIGN KEY(server_id) REFERENCES servers (id),
    CONSTRAINT fk_jobs_user FOREIGN KEY(user_id) REFERENCES users (id),
    CONSTRAINT chk_jobs_status CHECK (status IN ('pending', 'running', 'success', 'failed', 'cancelled', 'timed_out'))
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE INDEX idx_jobs_status_created ON jobs (status, created_at);

CREATE INDEX idx_jobs_created_at ON jobs (created_at);

CREATE TABLE job_logs (
    id BIGINT NOT NULL AUTO_INCREMENT,
    job_id BIGINT NOT NULL,
    line_number INTEGER NOT NULL,
    `timestamp` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    content TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_job_logs_job FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE INDEX idx_job_logs_job_line ON job_logs (job_id, line_number);

CREATE TABLE tickets (
    id BIGINT NOT NULL AUTO_INCREMENT,
    title VARCHAR(255) NOT NULL,
    description TEXT,
    priority VARCHAR(20) NOT NULL DEFAULT 'medium',
    status VARCHAR(20) NOT NULL DEFAULT 'open',
    created_by BIGINT,
    assigned_to BIGINT,
    server_id BIGINT,
    job_id BIGINT,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    resolved_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_created_by FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_assigned_to FOREIGN KEY(assigned_to) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_server FOREIGN KEY(server_id) REFERENCES servers (id) ON DELETE SET NULL,
    CONSTRAINT fk_tickets_job FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE SET NULL,
    CONSTRAINT chk_tickets_priority CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT chk_tickets_status CHECK (status IN ('open', 'in_progress', 'resolved', 'closed'))
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE INDEX idx_tickets_status_priority ON tickets (status, priority);

CREATE INDEX idx_tickets_created_at ON tickets (created_at);

CREATE TABLE audit_logs (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id BIGINT,
    action VARCHAR(50) NOT NULL,
    entity_type VARCHAR(50),
    entity_id VARCHAR(64),
    details TEXT,
    ip_address VARCHAR(45),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id)
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

CREATE INDEX idx_audit_logs_created_at ON audit_logs (created_at);

CREATE INDEX idx_audit_logs_user ON audit_logs (user_id, created_at);

CREATE INDEX idx_audit_logs_entity ON audit_logs (entity_type, entity_id);

INSERT INTO alembic_version (version_num) VALUES ('4c2d9a7e1b30');
