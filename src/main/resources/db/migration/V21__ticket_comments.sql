-- Comments on tickets, oldest first. The author's name is copied so that a comment still says
-- who wrote it after the account is gone (author_id then becomes NULL).
CREATE TABLE ticket_comments (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    ticket_id       BIGINT      NOT NULL,
    author_id       BIGINT      NULL,
    author_username VARCHAR(80) NOT NULL,
    body            TEXT        NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_ticket_comments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
    CONSTRAINT fk_ticket_comments_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX idx_ticket_comments_ticket (ticket_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The "assigned to me" filter and the reporter column are read on every tickets page.
CREATE INDEX idx_tickets_assigned_status ON tickets (assigned_to, status);
