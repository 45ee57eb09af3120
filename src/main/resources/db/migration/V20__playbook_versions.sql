-- Every save of a playbook keeps a full copy, so that operators can see who changed what and
-- compare any two versions. The copies go with their playbook (the audit log keeps the record).
CREATE TABLE playbook_versions (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    playbook_id BIGINT       NOT NULL,
    version_no  INT          NOT NULL,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    content     MEDIUMTEXT   NOT NULL,
    saved_by    VARCHAR(80)  NOT NULL,
    saved_at    DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_playbook_versions_no UNIQUE (playbook_id, version_no),
    CONSTRAINT fk_playbook_versions_playbook FOREIGN KEY (playbook_id) REFERENCES playbooks (id) ON DELETE CASCADE,
    CONSTRAINT chk_playbook_versions_no CHECK (version_no >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
