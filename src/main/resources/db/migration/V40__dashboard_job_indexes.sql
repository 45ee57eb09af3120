-- Indexes for the ops dashboard, so that it reads only index entries of the window it shows
-- (the last 30 days) instead of scanning the job history.
-- Completed jobs per day and outcome, success rates and durations: covering range scan.
CREATE INDEX idx_jobs_completed_outcome ON jobs (completed_at, status, started_at);
-- Failed jobs of a window per playbook, and the newest failures: equality on status, then range.
CREATE INDEX idx_jobs_status_completed ON jobs (status, completed_at, playbook_id);
-- V5's idx_jobs_completed_at is now a left prefix of idx_jobs_completed_outcome (the Database
-- screen lists it as redundant). It stays: it is part of the old guide's schema history.
