-- Browsers that have signed in to an account (docs/decisions/065-login-throttling.md). A browser
-- holds a random token in a cookie; only its SHA-256 is kept here. While an account is locked after
-- failed logins, the right password is still accepted from such a browser, so that anonymous
-- failures cannot keep the owner out. A device that fails too often itself is forgotten.
CREATE TABLE login_devices (
    token_hash CHAR(64)    NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    failures   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (token_hash),
    KEY idx_login_devices_user (user_id, created_at),
    CONSTRAINT fk_login_devices_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
