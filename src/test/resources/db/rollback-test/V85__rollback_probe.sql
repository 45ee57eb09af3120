-- Test only (never in db/migration): the "newer release" of the rollback tests. It adds a column
-- and changes existing rows, so that a rollback has both a schema change and data to undo.
ALTER TABLE environments ADD COLUMN rollback_probe VARCHAR(40) NULL;
UPDATE environments SET rollback_probe = CONCAT('was ', name), description = CONCAT(description, ' (after V85)');
