-- flask db migrate -m "Add location column to servers table"
-- Running upgrade 4c2d9a7e1b30 -> 8f3a61c0d2e4

ALTER TABLE servers ADD COLUMN location VARCHAR(100) NULL AFTER status;

UPDATE alembic_version SET version_num='8f3a61c0d2e4' WHERE alembic_version.version_num = '4c2d9a7e1b30';
