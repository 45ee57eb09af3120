package com.infraconsole.dbadmin;

import java.nio.file.Path;
import java.util.List;

/** What db-backup, db-restore and the Database screen get back. */
public final class BackupModel {

    private BackupModel() {}

    /** A gzipped dump and its manifest, side by side. */
    public record Backup(Path file, Path manifestFile, BackupManifest manifest) {}

    /**
     * @param before the backup of the state the restore replaced
     * @param statements SQL statements run to load the dump
     */
    public record RestoreResult(Backup restored, Backup before, long statements) {}

    /**
     * An applied migration that can be rolled back: the backup taken just before it was applied.
     *
     * @param version the migration's version; restoring the backup undoes it and every later one
     */
    public record RollbackPoint(String version, String description, Backup backup) {}

    /**
     * A guided rollback's outcome.
     *
     * @param rolledBack the versions the schema no longer has, oldest first
     * @param chainIntact whether the audit chain verified after the restore; chainMessage says what it found
     */
    public record RollbackResult(
            String version,
            String fromVersion,
            String toVersion,
            List<String> rolledBack,
            RestoreResult restore,
            boolean chainIntact,
            String chainMessage) {}

    /**
     * A backup restored into a scratch schema and its tables counted. ok false: {@code problems}
     * names each table whose count differs, or why the check could not run.
     */
    public record Verification(boolean ok, String scratchSchema, List<String> problems) {}
}
