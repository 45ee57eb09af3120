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
     * A backup restored into a scratch schema and its tables counted. ok false: {@code problems}
     * names each table whose count differs, or why the check could not run.
     */
    public record Verification(boolean ok, String scratchSchema, List<String> problems) {}
}
