package com.infraconsole.dbadmin;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.dbadmin.AdoptionModel.Plan;
import com.infraconsole.dbadmin.AdoptionModel.Result;
import com.infraconsole.security.AdminOnly;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * db-adopt: takes over the old platform's database in place (see LegacyAdoption). ADMIN only; the
 * command runs as the system account. The audit rows (the backup's DB_BACKUP, then DB_ADOPT) are
 * written once the migrations have built the audit trail's tables; the old audit rows stay outside
 * the chain in audit_logs_legacy, and DB_ADOPT carries their count and SHA-256 into it.
 */
@Service
@AdminOnly
public class AdoptionService {

    private final LegacyAdoption adoption;
    private final ApplicationEventPublisher events;

    AdoptionService(Backups backups, Migrations migrations, ApplicationEventPublisher events) {
        this.adoption = new LegacyAdoption(backups, migrations);
        this.events = events;
    }

    /** What adopting would do, or why it is refused; changes nothing. */
    public Plan plan() {
        return adoption.plan();
    }

    /**
     * Adopts the database if {@link #plan()} still finds it adoptable.
     *
     * @throws BackupRefusedException when refused or when the backup cannot be verified: nothing changed
     * @throws IllegalStateException when it failed after the backup, naming the backup to restore
     */
    public Result adopt() {
        var plan = adoption.plan();
        Result result;
        try {
            result = adoption.adopt(plan, actor());
        } catch (IllegalStateException e) {
            try {
                events.publishEvent(new AuditEvent(
                        "DB_ADOPT",
                        "database",
                        plan.revision(),
                        Map.of("error", new Object[] {null, e.getMessage()}),
                        "FAILURE",
                        null));
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure); // the audit tables may not exist if the first migrations failed
            }
            throw e;
        }
        events.publishEvent(BackupService.auditEvent(result.backup(), result.backupVerified()));
        var changes = new LinkedHashMap<String, Object[]>();
        changes.put("alembic_revision", new Object[] {null, plan.revision()});
        changes.put("alembic_step", new Object[] {null, plan.step() + " " + plan.stepDescription()});
        changes.put("baseline_version", new Object[] {null, plan.baselineVersion()});
        changes.put("schema_version", new Object[] {null, result.schemaVersion()});
        changes.put("migrations_applied", new Object[] {null, result.applied()});
        changes.put("backup_file", new Object[] {null, result.backup().file().toString()});
        changes.put(
                "backup_sha256", new Object[] {null, result.backup().manifest().sha256()});
        changes.put("legacy_audit_rows", new Object[] {null, result.legacyAuditRows()});
        changes.put("legacy_audit_sha256", new Object[] {null, result.legacyAuditSha256()});
        events.publishEvent(new AuditEvent("DB_ADOPT", "database", result.schemaVersion(), changes, "SUCCESS", null));
        return result;
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
