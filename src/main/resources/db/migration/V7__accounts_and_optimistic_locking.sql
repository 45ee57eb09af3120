-- Login throttling and first-login password change for users; a version column for optimistic
-- locking and the name of the last editor on every table that a form edits.
ALTER TABLE users
    ADD COLUMN must_change_password  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN failed_login_attempts INT         NOT NULL DEFAULT 0,
    ADD COLUMN locked_until          DATETIME(6) NULL,
    ADD COLUMN password_changed_at   DATETIME(6) NULL,
    ADD COLUMN version               BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_by            VARCHAR(80) NULL;

ALTER TABLE servers
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_by VARCHAR(80) NULL;

ALTER TABLE environments
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_by VARCHAR(80) NULL;

ALTER TABLE playbooks
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_by VARCHAR(80) NULL;

ALTER TABLE tickets
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_by VARCHAR(80) NULL;

ALTER TABLE jobs
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE INDEX idx_servers_hostname_status ON servers (status, hostname);
CREATE INDEX idx_users_role ON users (role, is_active);
