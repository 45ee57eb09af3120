-- The environments table as the old platform's last Alembic revision ("Seed environments", the
-- guide's op.bulk_insert of development, staging and production) left it: id, name, description.
-- db-adopt compares an old database against this shape; V6 later builds the console's own table.
CREATE TABLE environments (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_environments_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
