package com.infraconsole.dbadmin;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.dbadmin.BackupModel.Backup;
import com.infraconsole.dbadmin.BackupModel.RestoreResult;
import com.infraconsole.security.AdminOnly;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Logical backups of the console's schema and restores from them (the rollback of a migration).
 * ADMIN only; db-backup and db-restore run as the system account. Each backup and restore is
 * recorded in the audit trail under the file's SHA-256 (the row's entity id), with its path.
 */
@Service
@AdminOnly
public class BackupService {

    private final Backups backups;
    private final Migrations migrations;
    private final ApplicationEventPublisher events;

    BackupService(Backups backups, Migrations migrations, ApplicationEventPublisher events) {
        this.backups = backups;
        this.migrations = migrations;
        this.events = events;
    }

    /** Dumps the schema into {@code dir} (null: INFRA_BACKUP_DIR) and keeps the newest INFRA_BACKUP_KEEP there. */
    public Backup backup(Path dir, String reason) {
        try {
            var backup = backups.take(dir, reason, actor());
            events.publishEvent(new AuditEvent(
                    "DB_BACKUP", "database", backup.manifest().sha256(), changes(backup, null), "SUCCESS", null));
            return backup;
        } catch (RuntimeException e) {
            events.publishEvent(new AuditEvent(
                    "DB_BACKUP",
                    "database",
                    null,
                    Map.of("error", new Object[] {null, e.getMessage()}),
                    "FAILURE",
                    null));
            throw e;
        }
    }

    /**
     * The backup the guide asks for before a migration: taken and verified (restored into a
     * scratch schema, tables counted) when migrations are pending on a schema that holds data and
     * INFRA_BACKUP_BEFORE_MIGRATE is not false. Empty when none is needed.
     *
     * @throws BackupRefusedException when the backup cannot be verified: nothing must be migrated then
     */
    public Optional<Backup> backupBeforeMigrate() {
        if (!backups.settings().beforeMigrate() || migrations.pendingCount() == 0 || !backups.holdsData()) {
            return Optional.empty();
        }
        var backup = backups.take(null, Backups.PRE_MIGRATE, actor());
        var verification = backups.verify(backup);
        if (!verification.ok()) {
            events.publishEvent(new AuditEvent(
                    "DB_BACKUP",
                    "database",
                    backup.manifest().sha256(),
                    Map.of("file", new Object[] {null, backup.file().toString()}, "error", new Object[] {
                        null, String.join("; ", verification.problems())
                    }),
                    "FAILURE",
                    null));
            throw new BackupRefusedException(
                    "The backup before migrating (" + backup.file() + ") could not be verified: "
                            + String.join("; ", verification.problems()) + ". Nothing was migrated.");
        }
        audit(backup, true);
        return Optional.of(backup);
    }

    /** Whether migrating takes a verified backup first (INFRA_BACKUP_BEFORE_MIGRATE, default true). */
    public boolean backsUpBeforeMigrate() {
        return backups.settings().beforeMigrate();
    }

    private void audit(Backup backup, boolean verified) {
        events.publishEvent(auditEvent(backup, verified));
    }

    /** The DB_BACKUP row of a verified backup; also for the one taken at start-up, before the trail was writable. */
    static AuditEvent auditEvent(Backup backup, boolean verified) {
        var changes = changes(backup, null);
        changes.put("verified", new Object[] {null, verified});
        return new AuditEvent("DB_BACKUP", "database", backup.manifest().sha256(), changes, "SUCCESS", null);
    }

    /** The backup behind a path; refuses one whose hash or schema version does not check out. */
    public Backup check(Path file) {
        return backups.check(file);
    }

    /**
     * Replaces the schema's content with the backup's, after checking it and backing up the
     * current state. Audited as DB_RESTORE, or as DB_ROLLBACK when it is a pre-migrate backup. The audit row of the restore is appended to the restored chain; the rows
     * written since the backup was taken are in the pre-restore backup.
     */
    public RestoreResult restore(Path file) {
        var m = backups.check(file).manifest();
        if (Backups.PRE_MIGRATE.equals(m.reason()) && m.precedesVersion() != null) {
            // The backup taken before a migration: restoring it is that migration's rollback, and is
            // recorded as one, so that the next start does not apply it again by itself (RollbackGuard).
            return restore(file, RollbackService.ACTION, m.precedesVersion(), Map.of("schema_version", new Object[] {
                migrations.currentVersion(), m.schemaVersion()
            }));
        }
        return restore(file, "DB_RESTORE", null, Map.of());
    }

    /**
     * A restore audited as {@code action} (DB_RESTORE, or DB_ROLLBACK for the guided rollback) under
     * {@code entityId} (null: the backup's SHA-256), with {@code extra} among its changes.
     */
    RestoreResult restore(Path file, String action, String entityId, Map<String, Object[]> extra) {
        var backup = backups.check(file);
        var before = backup(null, "pre-restore");
        var id = entityId == null ? backup.manifest().sha256() : entityId;
        try {
            long statements = new SchemaLoader(backups.connection())
                    .load(backup.file(), backups.connection().database());
            var result = new RestoreResult(backup, before, statements);
            var changes = changes(backup, before);
            changes.putAll(extra);
            events.publishEvent(new AuditEvent(action, "database", id, changes, "SUCCESS", null));
            return result;
        } catch (SQLException | RuntimeException e) {
            var failure = new IllegalStateException(
                    e.getMessage() + "; the state before this restore is in " + before.file(), e);
            try {
                events.publishEvent(new AuditEvent(
                        action,
                        "database",
                        id,
                        Map.of("error", new Object[] {null, e.getMessage()}, "pre_restore_backup", new Object[] {
                            null, before.file().toString()
                        }),
                        "FAILURE",
                        null));
            } catch (RuntimeException auditFailure) {
                failure.addSuppressed(auditFailure); // a half-loaded schema may have no audit tables to write to
            }
            throw failure;
        }
    }

    private static LinkedHashMap<String, Object[]> changes(Backup backup, Backup before) {
        var m = backup.manifest();
        var changes = new LinkedHashMap<String, Object[]>();
        changes.put("file", new Object[] {null, backup.file().toString()});
        changes.put("sha256", new Object[] {null, m.sha256()});
        changes.put("schema_version", new Object[] {null, m.schemaVersion()});
        changes.put("reason", new Object[] {null, m.reason()});
        changes.put("rows", new Object[] {null, m.totalRows()});
        if (before != null) {
            changes.put("pre_restore_backup", new Object[] {null, before.file().toString()});
            changes.put(
                    "pre_restore_sha256", new Object[] {null, before.manifest().sha256()});
        }
        return changes;
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
