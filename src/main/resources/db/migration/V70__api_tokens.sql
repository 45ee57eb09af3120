-- Personal access tokens for the REST API (/api/v1), and service accounts, which sign in with
-- tokens only. A token is stored as the SHA-256 of its text: the text is shown once and never
-- kept. hint is its first characters, so that people can tell their tokens apart. A token has no
-- role of its own: every request is checked against its owner's current role and state.
ALTER TABLE users
    ADD COLUMN service_account BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE api_tokens (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      BIGINT       NOT NULL DEFAULT 0,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    hint         VARCHAR(16)  NOT NULL,
    read_only    BOOLEAN      NOT NULL DEFAULT FALSE,
    expires_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   VARCHAR(80)  NULL,
    created_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_by   VARCHAR(80)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    INDEX idx_api_tokens_user (user_id, revoked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
