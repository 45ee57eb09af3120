-- The guide's "Modifying Column Type": op.alter_column('servers', 'description', type_=sa.Text())
-- Running upgrade 8f3a61c0d2e4 -> 1b7e5d93f0a6

ALTER TABLE servers MODIFY description TEXT NULL;

UPDATE alembic_version SET version_num='1b7e5d93f0a6' WHERE alembic_version.version_num = '8f3a61c0d2e4';
