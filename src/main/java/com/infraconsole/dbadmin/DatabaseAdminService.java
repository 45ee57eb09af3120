package com.infraconsole.dbadmin;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.base.database.DatabaseSettings;
import com.infraconsole.dbadmin.DbAdminModel.AppliedScript;
import com.infraconsole.dbadmin.DbAdminModel.ConnectionInfo;
import com.infraconsole.dbadmin.DbAdminModel.ForeignKey;
import com.infraconsole.dbadmin.DbAdminModel.IndexInfo;
import com.infraconsole.dbadmin.DbAdminModel.MigrateResult;
import com.infraconsole.dbadmin.DbAdminModel.MigrationStatus;
import com.infraconsole.dbadmin.DbAdminModel.PoolInfo;
import com.infraconsole.dbadmin.DbAdminModel.RedundantIndexReport;
import com.infraconsole.dbadmin.DbAdminModel.RepairReport;
import com.infraconsole.dbadmin.DbAdminModel.ServerInfo;
import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import com.infraconsole.dbadmin.DbAdminModel.UnusedIndexReport;
import com.infraconsole.security.AdminOnly;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the old platform's operators ran by hand in the MySQL shell: migration status, server
 * and pool, table sizes, index use, foreign keys. ADMIN only, here and in the view; the
 * db-status command runs it as the system account.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DatabaseAdminService {

    private final DataSource dataSource;
    private final DbAdminQueries queries;
    private final Migrations migrations;
    private final ApplicationEventPublisher events;
    private final BackupService backups;

    DatabaseAdminService(
            DataSource dataSource,
            DbAdminQueries queries,
            Migrations migrations,
            ApplicationEventPublisher events,
            BackupService backups) {
        this.dataSource = dataSource;
        this.queries = queries;
        this.migrations = migrations;
        this.events = events;
        this.backups = backups;
    }

    /** @throws CannotGetJdbcConnectionException when the database cannot be reached */
    @AdminOnly
    public ConnectionInfo connection() {
        try (var c = dataSource.getConnection()) {
            var meta = c.getMetaData();
            return new ConnectionInfo(
                    DatabaseSettings.mask(meta.getURL()),
                    meta.getUserName(),
                    meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException(e.getMessage(), e);
        }
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public ServerInfo server() {
        return new ServerInfo(connection(), queries.uptime(), pool());
    }

    @AdminOnly
    public MigrationStatus migrations() {
        return migrations.status();
    }

    /**
     * Applies every pending migration, after a verified backup (see BackupService#backupBeforeMigrate);
     * with INFRA_BACKUP_BEFORE_MIGRATE=false the admin must confirm a current backup instead.
     * Audited as DB_MIGRATE with the schema version before and after and the backup's hash, or
     * as a failure.
     */
    @AdminOnly
    public MigrateResult applyPendingMigrations(boolean backupConfirmed) {
        if (!backups.backsUpBeforeMigrate() && !backupConfirmed) {
            throw InvalidInputException.of(
                    "backupConfirmed", "Confirm that a current backup of the database exists before migrating.");
        }
        var backup = backups.backupBeforeMigrate();
        var before = migrations.status().currentVersion();
        try {
            var result = migrations.migrate();
            if (backup.isPresent()) {
                result = result.withBackup(
                        backup.get().file().toString(), backup.get().manifest().sha256());
            }
            var changes = new java.util.HashMap<String, Object[]>(Map.of(
                    "schema_version", new Object[] {before, result.toVersion()}, "migrations_applied", new Object[] {
                        null, result.applied()
                    }));
            if (result.backupSha256() != null) {
                changes.put("backup_sha256", new Object[] {null, result.backupSha256()});
            }
            events.publishEvent(new AuditEvent("DB_MIGRATE", "database", result.toVersion(), changes, "SUCCESS", null));
            return result;
        } catch (RuntimeException e) {
            events.publishEvent(new AuditEvent(
                    "DB_MIGRATE",
                    "database",
                    before,
                    Map.of("error", new Object[] {null, e.getMessage()}),
                    "FAILURE",
                    null));
            throw e;
        }
    }

    /** True (the default): Apply takes and verifies a backup itself; false: the admin confirms one exists. */
    @AdminOnly
    public boolean backsUpBeforeMigrate() {
        return backups.backsUpBeforeMigrate();
    }

    /** An applied migration's SQL (db-show), empty when that version was never applied. */
    @AdminOnly
    public Optional<AppliedScript> appliedScript(String version) {
        return migrations.applied(version);
    }

    /**
     * Flyway repair, the successor of the old {@code flask db stamp} fix: removes failed entries
     * from the history and realigns checksums. It runs no SQL of any migration, so a half-applied
     * failed migration must be cleaned up by hand first. Audited as DB_REPAIR.
     */
    @AdminOnly
    public RepairReport repairMigrationHistory() {
        var before = migrations.currentVersion();
        try {
            var report = migrations.repair();
            events.publishEvent(new AuditEvent(
                    "DB_REPAIR",
                    "database",
                    before,
                    Map.of(
                            "removed_failed",
                            new Object[] {null, String.join(", ", report.removedFailed())},
                            "deleted_missing",
                            new Object[] {null, String.join(", ", report.deletedMissing())},
                            "realigned",
                            new Object[] {null, String.join(", ", report.realigned())}),
                    "SUCCESS",
                    null));
            return report;
        } catch (RuntimeException e) {
            events.publishEvent(new AuditEvent(
                    "DB_REPAIR",
                    "database",
                    before,
                    Map.of("error", new Object[] {null, e.getMessage()}),
                    "FAILURE",
                    null));
            throw e;
        }
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public List<TableSize> tableSizes() {
        return queries.tableSizes();
    }

    /** An exact COUNT(*) of one table of the schema. */
    @AdminOnly
    @Transactional(readOnly = true)
    public long exactRowCount(String table) {
        return queries.exactCount(table)
                .orElseThrow(() -> InvalidInputException.of("table", "No table " + table + " in this schema."));
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public List<IndexInfo> indexes() {
        return queries.indexes();
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public UnusedIndexReport unusedIndexes() {
        return queries.unusedIndexes();
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public RedundantIndexReport redundantIndexes() {
        return queries.redundantIndexes();
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public List<ForeignKey> foreignKeys() {
        return queries.foreignKeys();
    }

    private PoolInfo pool() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var hikari = dataSource.unwrap(HikariDataSource.class);
                var mx = hikari.getHikariPoolMXBean();
                if (mx != null) {
                    return new PoolInfo(
                            mx.getActiveConnections(),
                            mx.getIdleConnections(),
                            mx.getThreadsAwaitingConnection(),
                            mx.getTotalConnections(),
                            hikari.getMaximumPoolSize());
                }
            }
        } catch (SQLException e) {
            // not a Hikari pool: reported as unknown below
        }
        return new PoolInfo(-1, -1, -1, -1, -1);
    }
}
