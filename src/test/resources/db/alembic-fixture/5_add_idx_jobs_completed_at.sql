-- The guide's "Adding an Index": op.create_index('idx_jobs_completed_at', 'jobs', ['completed_at'])
-- Running upgrade 6d0c2f8a4e17 -> a93e04b7c5d8

CREATE INDEX idx_jobs_completed_at ON jobs (completed_at);

UPDATE alembic_version SET version_num='a93e04b7c5d8' WHERE alembic_version.version_num = '6d0c2f8a4e17';
