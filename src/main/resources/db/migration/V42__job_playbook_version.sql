-- A job runs, and shows, the playbook version it was launched with (playbook_versions.version_no):
-- an edit saved while the job is pending no longer changes what it runs. Jobs launched before
-- this column existed keep NULL: they ran the playbook as it was when they started.
ALTER TABLE jobs ADD COLUMN playbook_version INT NULL;
