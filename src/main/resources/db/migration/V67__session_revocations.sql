-- Account changes that must end the person's sessions on every node: a role change, a
-- deactivation, a password reset. generation counts them per account; a session signed in under
-- an older generation ends at its next request, whichever node holds it. kept_session is the
-- SHA-256 of the session id that made the change (an admin changing their own account), which
-- stays signed in. Owned by the security module; no foreign key into the user module's table.
CREATE TABLE session_revocations (
    user_id BIGINT NOT NULL,
    generation BIGINT NOT NULL,
    kept_session CHAR(64) NULL,
    revoked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
