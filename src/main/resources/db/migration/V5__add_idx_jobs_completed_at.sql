CREATE INDEX idx_jobs_completed_at ON jobs (completed_at);
