package com.infraconsole.dbadmin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The records the database administration screen and db-status show. */
public final class DbAdminModel {

    private DbAdminModel() {}

    /** The connection as the console sees it; the URL has its password masked. */
    public record ConnectionInfo(String url, String user, String product, String version) {}

    /** Hikari pool figures; -1 everywhere when the DataSource is not a Hikari pool. */
    public record PoolInfo(int active, int idle, int waiting, int total, int max) {}

    public record ServerInfo(ConnectionInfo connection, Duration uptime, PoolInfo pool) {}

    /** rowsAreEstimate: InnoDB's table_rows is a sampled estimate, not a count. */
    public record TableSize(
            String table, String engine, long rows, boolean rowsAreEstimate, long dataBytes, long indexBytes) {

        public long totalBytes() {
            return dataBytes + indexBytes;
        }
    }

    public record IndexInfo(String table, String index, String columns, long cardinality, boolean unique, String type) {

        public boolean primary() {
            return "PRIMARY".equals(index);
        }
    }

    public record UnusedIndex(String table, String index) {}

    /**
     * Unused secondary indexes, counted by performance_schema since the server started
     * ({@code measuredOver} = uptime). When performance_schema is off, {@code enabled} is false,
     * the list is empty and {@code message} says how to turn it on. When the account may not read
     * performance_schema, {@code grant} is the statement that would allow it (else null).
     */
    public record UnusedIndexReport(
            boolean enabled, Duration measuredOver, List<UnusedIndex> indexes, String message, String grant) {}

    public record RedundantIndex(
            String table,
            String redundantIndex,
            String redundantColumns,
            String dominantIndex,
            String dominantColumns,
            String dropStatement) {}

    /**
     * available is false where the sys schema (or its view) is missing or not readable; message says
     * why, and grant is the statement that would allow it when only a privilege is missing (else null).
     */
    public record RedundantIndexReport(boolean available, List<RedundantIndex> indexes, String message, String grant) {}

    public record ForeignKey(
            String table,
            String column,
            String constraint,
            String referencedTable,
            String referencedColumn,
            String onDelete) {}

    public record MigrationRow(
            String version,
            String description,
            String type,
            String state,
            Instant installedOn,
            String installedBy,
            Integer executionMillis,
            Integer checksum,
            String script) {}

    /** risks: what the lint flags in its SQL (drops, narrowing, NOT NULL without default, big index builds). */
    public record PendingMigration(MigrationRow migration, String sql, List<String> risks) {}

    /**
     * Flyway's view of the schema. migrateOnStart false means an admin applies pending
     * migrations from the screen (after confirming a backup).
     */
    public record MigrationStatus(
            String currentVersion,
            String currentDescription,
            List<MigrationRow> history,
            List<PendingMigration> pending,
            List<MigrationRow> failed,
            boolean valid,
            List<String> validationErrors,
            boolean migrateOnStart) {

        public boolean upToDate() {
            return pending.isEmpty() && failed.isEmpty();
        }
    }

    /** An applied migration's script as this jar has it; checksumMatches false: it differs from what ran. */
    public record AppliedScript(MigrationRow migration, String sql, boolean checksumMatches) {}

    /**
     * What Flyway's repair did: failed entries removed, entries of missing scripts deleted,
     * checksums and descriptions realigned with the scripts in this jar.
     */
    public record RepairReport(
            List<String> removedFailed, List<String> deletedMissing, List<String> realigned, List<String> actions) {

        public boolean changedNothing() {
            return removedFailed.isEmpty() && deletedMissing.isEmpty() && realigned.isEmpty();
        }
    }

    /** backupFile and backupSha256: the verified backup taken just before, null when none was taken. */
    public record MigrateResult(
            int applied, String fromVersion, String toVersion, String backupFile, String backupSha256) {

        MigrateResult withBackup(String file, String sha256) {
            return new MigrateResult(applied, fromVersion, toVersion, file, sha256);
        }
    }
}
