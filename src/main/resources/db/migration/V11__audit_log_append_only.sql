-- The database itself refuses to change or remove an audit row, whoever asks. Retention drops
-- partitions (DDL, no row triggers). See docs/audit.md for the optional account without
-- UPDATE/DELETE grants.
CREATE TRIGGER trg_audit_logs_no_update BEFORE UPDATE ON audit_logs FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only: UPDATE refused';

CREATE TRIGGER trg_audit_logs_no_delete BEFORE DELETE ON audit_logs FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only: DELETE refused';

CREATE TRIGGER trg_audit_chain_anchors_no_update BEFORE UPDATE ON audit_chain_anchors FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_anchors is append-only: UPDATE refused';

CREATE TRIGGER trg_audit_chain_anchors_no_delete BEFORE DELETE ON audit_chain_anchors FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_anchors is append-only: DELETE refused';
