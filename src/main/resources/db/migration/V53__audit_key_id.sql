-- The chain becomes keyed (HMAC-SHA256 with a key kept outside the database, see
-- docs/decisions/053-keyed-audit-chain.md). Each row names the key that signed it; rows written
-- before this version keep NULL and their plain SHA-256 hash.
ALTER TABLE audit_logs ADD COLUMN key_id VARCHAR(32) NULL;
