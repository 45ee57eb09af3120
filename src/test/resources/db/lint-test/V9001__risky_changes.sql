-- A test migration with one statement of each kind the lint flags, and one harmless one.
ALTER TABLE servers DROP COLUMN location;
ALTER TABLE servers MODIFY hostname VARCHAR(20) NOT NULL;
ALTER TABLE tickets ADD COLUMN triage_note VARCHAR(200) NOT NULL;
CREATE INDEX idx_audit_logs_user_probe ON audit_logs (username);
DROP TABLE IF EXISTS playbook_versions;
ALTER TABLE servers ADD COLUMN rack VARCHAR(40) NULL;
