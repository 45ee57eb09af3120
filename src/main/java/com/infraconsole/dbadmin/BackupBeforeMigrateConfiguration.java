package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.BackupModel.Backup;
import com.infraconsole.security.SystemAuthentication;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Migrating on start (the default) takes a verified backup first when migrations are pending on a
 * schema that holds data. A backup that cannot be verified stops the start, before any migration.
 * The audit trail cannot be written yet at that point (the application is still starting), so
 * its DB_BACKUP row is written once the application is ready. It does not re-apply a migration
 * that an admin rolled back (RollbackGuard).
 */
@Configuration
@ConditionalOnExpression("${infra.flyway.migrate-on-start:true} and '${infra.cli.command:}' == ''")
class BackupBeforeMigrateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackupBeforeMigrateConfiguration.class);
    private final AtomicReference<Backup> taken = new AtomicReference<>();

    @Bean
    FlywayMigrationStrategy backupThenMigrate(Backups backups, Migrations migrations) {
        return flyway -> {
            LegacyAdoption.refuseUnadopted(backups, flyway);
            var refusal = RollbackGuard.refusal(flyway);
            if (refusal.isPresent()) {
                throw new IllegalStateException(refusal.get());
            }
            int pending = flyway.info().pending().length;
            if (pending > 0 && backups.settings().beforeMigrate() && backups.holdsData()) {
                var backup = backups.take(null, Backups.PRE_MIGRATE, SystemAuthentication.USERNAME);
                var verification = backups.verify(backup);
                if (!verification.ok()) {
                    throw new BackupRefusedException("Not migrating: the backup taken before migrating ("
                            + backup.file() + ") could not be verified: " + String.join("; ", verification.problems()));
                }
                log.info(
                        "{} pending migration(s): verified backup {} (SHA-256 {}) taken first",
                        pending,
                        backup.file(),
                        backup.manifest().sha256());
                taken.set(backup);
            }
            flyway.migrate();
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordBackup(ApplicationReadyEvent ready) {
        var backup = taken.getAndSet(null);
        if (backup != null) {
            SystemAuthentication.run(
                    () -> ready.getApplicationContext().publishEvent(BackupService.auditEvent(backup, true)));
        }
    }
}
