ALTER TABLE servers ADD COLUMN created_by BIGINT NULL;
ALTER TABLE servers
    ADD CONSTRAINT fk_servers_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL;
