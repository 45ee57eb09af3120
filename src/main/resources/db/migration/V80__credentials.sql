-- Credentials for the fleet, sealed with AES-256-GCM under a master key kept outside the database
-- (key_id names it). Servers and environments may name a default one to connect with.
CREATE TABLE credentials (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    name                  VARCHAR(100) NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    username              VARCHAR(100) NULL,
    description           VARCHAR(255) NULL,
    public_key            TEXT         NULL,
    fingerprint           VARCHAR(120) NULL,
    secret_ciphertext     TEXT         NOT NULL,
    passphrase_ciphertext TEXT         NULL,
    key_id                VARCHAR(40)  NOT NULL,
    created_by            VARCHAR(80)  NULL,
    created_at            DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at            DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_by            VARCHAR(80)  NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_credentials_name UNIQUE (name),
    CONSTRAINT chk_credentials_kind
        CHECK (kind IN ('SSH_KEY', 'SSH_PASSWORD', 'BECOME_PASSWORD', 'VAULT_PASSWORD')),
    INDEX idx_credentials_key (key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE environments ADD COLUMN credential_id BIGINT NULL,
    ADD CONSTRAINT fk_environments_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
ALTER TABLE servers ADD COLUMN credential_id BIGINT NULL,
    ADD CONSTRAINT fk_servers_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
