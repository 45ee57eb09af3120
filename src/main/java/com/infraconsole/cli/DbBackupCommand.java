package com.infraconsole.cli;

import com.infraconsole.dbadmin.BackupService;
import com.infraconsole.dbadmin.DbAdminText;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code db-backup [--to DIR]}: a consistent logical dump (mariadb-dump / mysqldump with
 * --single-transaction), gzipped, with a manifest, recorded in the audit trail. The file's path is
 * the last line printed, for scripts: {@code f=$(java -jar infra-console.jar db-backup | tail -1)}.
 */
@Component
class DbBackupCommand implements CliCommand {

    private final BackupService backups;

    DbBackupCommand(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "db-backup";
    }

    @Override
    public String summary() {
        return "[--to DIR] dump the database (gzip + manifest with SHA-256); prints the file's path last";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var to = CliCommand.option(args, "to");
        if (args.contains("--to") && to == null) {
            out.println("Usage: db-backup [--to DIR]");
            return 2;
        }
        try {
            var backup = backups.backup(to == null ? null : Path.of(to), "manual");
            var m = backup.manifest();
            out.printf(
                    "Database:       %s (schema version %s, %s)%n",
                    m.database(), m.schemaVersion() == null ? "none" : m.schemaVersion(), m.serverVersion());
            out.printf("Tables:         %d, %d rows%n", m.tables().size(), m.totalRows());
            out.printf("Size:           %s gzipped%n", DbAdminText.bytes(m.bytes()));
            out.println("SHA-256:        " + m.sha256());
            out.println("Manifest:       " + backup.manifestFile());
            out.println(backup.file());
            return 0;
        } catch (RuntimeException e) {
            out.println("db-backup failed: " + e.getMessage());
            return 1;
        }
    }
}
