package com.infraconsole.cli;

import com.infraconsole.dbadmin.BackupRefusedException;
import com.infraconsole.dbadmin.BackupService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * {@code init-db}: applies every pending migration and exits; on a schema that holds data, after a
 * verified backup (unless INFRA_BACKUP_BEFORE_MIGRATE=false).
 */
@Component
class InitDbCommand implements CliCommand {

    private final Flyway flyway;
    private final BackupService backups;

    InitDbCommand(Flyway flyway, BackupService backups) {
        this.flyway = flyway;
        this.backups = backups;
    }

    @Override
    public String name() {
        return "init-db";
    }

    @Override
    public String summary() {
        return "apply pending database migrations and exit";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            backups.backupBeforeMigrate()
                    .ifPresent(b -> out.printf(
                            "Backed up and verified before migrating: %s (SHA-256 %s)%n",
                            b.file(), b.manifest().sha256()));
        } catch (BackupRefusedException e) {
            out.println("init-db: " + e.getMessage());
            return 1;
        }
        var result = flyway.migrate();
        var version = flyway.info().current() == null
                ? "none"
                : flyway.info().current().getVersion().toString();
        out.printf("Applied %d migration(s); schema version is now %s.%n", result.migrationsExecuted, version);
        return result.success ? 0 : 1;
    }
}
