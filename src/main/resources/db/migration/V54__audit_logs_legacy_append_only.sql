-- The old platform's audit rows (kept in audit_logs_legacy by V10, filled by db-adopt) stay outside
-- the hash chain; the database refuses to change or remove them, as it does for the chain's rows.
-- db-adopt's DB_ADOPT audit row carries their count and SHA-256 into the chain.
CREATE TRIGGER trg_audit_logs_legacy_no_update BEFORE UPDATE ON audit_logs_legacy FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs_legacy is append-only: UPDATE refused';

CREATE TRIGGER trg_audit_logs_legacy_no_delete BEFORE DELETE ON audit_logs_legacy FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs_legacy is append-only: DELETE refused';
