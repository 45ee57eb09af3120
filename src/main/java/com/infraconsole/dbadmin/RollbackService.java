package com.infraconsole.dbadmin;

import com.infraconsole.audit.AuditService;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.dbadmin.BackupModel.RollbackPoint;
import com.infraconsole.dbadmin.BackupModel.RollbackResult;
import com.infraconsole.security.AdminOnly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.stereotype.Service;

/**
 * "Roll back to before V41": the guided restore of the backup that backup-before-migrate took just
 * before V41 was applied (its manifest names the version it precedes). The restore itself is
 * db-restore's (hash checked, current state backed up first); it is audited as DB_ROLLBACK with
 * the version as entity id, which also keeps the next start from applying that version again by
 * itself (see RollbackGuard). ADMIN only.
 */
@Service
@AdminOnly
public class RollbackService {

    static final String ACTION = "DB_ROLLBACK";

    private final Backups backups;
    private final Migrations migrations;
    private final BackupService backupService;
    private final AuditService audit;

    RollbackService(Backups backups, Migrations migrations, BackupService backupService, AuditService audit) {
        this.backups = backups;
        this.migrations = migrations;
        this.backupService = backupService;
        this.audit = audit;
    }

    /** Each applied migration with a pre-migration backup taken right before it, newest version first. */
    public List<RollbackPoint> rollbackPoints() {
        var available = backups.list().stream()
                .filter(b -> Backups.PRE_MIGRATE.equals(b.manifest().reason())
                        && b.manifest().precedesVersion() != null)
                .toList();
        var points = new ArrayList<RollbackPoint>();
        for (var m : migrations.status().history()) {
            if (m.version().isEmpty() || !"Success".equalsIgnoreCase(m.state())) {
                continue;
            }
            var version = MigrationVersion.fromVersion(m.version());
            available.stream()
                    .filter(b -> version.equals(
                            MigrationVersion.fromVersion(b.manifest().precedesVersion())))
                    .findFirst() // newest first
                    .ifPresent(b -> points.add(new RollbackPoint(m.version(), m.description(), b)));
        }
        return points.reversed();
    }

    /** The name a rollback must be confirmed with (or the version, "V41"). */
    public String databaseName() {
        return backups.connection().database();
    }

    /**
     * Restores the backup taken before {@code version} was applied, after checking its hash and
     * backing up the current state, then verifies the audit chain.
     *
     * @param confirmation the database's name or the version ("V41") typed by the admin
     */
    public RollbackResult rollBackBefore(String version, String confirmation) {
        var wanted = version.replaceFirst("^[Vv]", "");
        var point = rollbackPoints().stream()
                .filter(p -> p.version().equals(wanted))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "version",
                        "There is no backup taken before V" + wanted + " was applied in "
                                + backups.settings().dir() + ": it cannot be rolled back from here."));
        var typed = confirmation == null ? "" : confirmation.trim();
        if (!typed.equals(databaseName()) && !typed.toUpperCase(Locale.ROOT).equals("V" + wanted)) {
            throw InvalidInputException.of(
                    "confirmation", "Type " + databaseName() + " or V" + wanted + " to confirm.");
        }
        var from = migrations.currentVersion();
        var target = MigrationVersion.fromVersion(wanted);
        var rolledBack = migrations.status().history().stream()
                .filter(m -> !m.version().isEmpty()
                        && !MigrationVersion.fromVersion(m.version()).isNewerThan(MigrationVersion.fromVersion(from))
                        && !target.isNewerThan(MigrationVersion.fromVersion(m.version())))
                .map(m -> "V" + m.version())
                .distinct()
                .toList();
        var to = point.backup().manifest().schemaVersion();
        var extra = new LinkedHashMap<String, Object[]>();
        extra.put("schema_version", new Object[] {from, to});
        extra.put("rolled_back", new Object[] {null, String.join(", ", rolledBack)});
        var restore = backupService.restore(point.backup().file(), ACTION, wanted, extra);
        var chain = audit.verify(rows -> {});
        return new RollbackResult(wanted, from, to, rolledBack, restore, chain.intact(), chain.message());
    }
}
