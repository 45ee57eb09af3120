-- The guide's "Data Migration (Seeding)": op.bulk_insert(environments, [...])
-- Running upgrade a93e04b7c5d8 -> e2f81c6b9a05

CREATE TABLE environments (
    id BIGINT NOT NULL AUTO_INCREMENT,
    name VARCHAR(50) NOT NULL,
    description VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT uq_environments_name UNIQUE (name)
) CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE=InnoDB;

INSERT INTO environments (id, name, description) VALUES (1, 'development', 'Dev environment'),(2, 'staging', 'Staging environment'),(3, 'production', 'Production environment');

UPDATE alembic_version SET version_num='e2f81c6b9a05' WHERE alembic_version.version_num = 'a93e04b7c5d8';
