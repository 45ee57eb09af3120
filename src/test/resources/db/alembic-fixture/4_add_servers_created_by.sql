-- The guide's "Adding Foreign Key": servers.created_by -> users.id ON DELETE SET NULL
-- Running upgrade 1b7e5d93f0a6 -> 6d0c2f8a4e17

ALTER TABLE servers ADD COLUMN created_by BIGINT NULL;

ALTER TABLE servers ADD CONSTRAINT fk_servers_created_by FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='6d0c2f8a4e17' WHERE alembic_version.version_num = '1b7e5d93f0a6';
