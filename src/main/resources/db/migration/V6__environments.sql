-- Environments become a table of their own, seeded with the three the old platform knew;
-- servers now reference it instead of carrying the name.
CREATE TABLE environments (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    created_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_environments_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO environments (id, name, description) VALUES
    (1, 'development', 'Dev environment'),
    (2, 'staging', 'Staging environment'),
    (3, 'production', 'Production environment');

ALTER TABLE servers ADD COLUMN environment_id BIGINT NULL AFTER os_type;
UPDATE servers s JOIN environments e ON e.name = s.environment SET s.environment_id = e.id;
ALTER TABLE servers MODIFY COLUMN environment_id BIGINT NOT NULL;
ALTER TABLE servers
    ADD CONSTRAINT fk_servers_environment FOREIGN KEY (environment_id) REFERENCES environments (id);
ALTER TABLE servers DROP CONSTRAINT chk_servers_environment;
ALTER TABLE servers DROP INDEX idx_servers_environment;
ALTER TABLE servers DROP COLUMN environment;
