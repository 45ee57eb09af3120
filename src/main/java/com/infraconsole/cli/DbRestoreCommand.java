package com.infraconsole.cli;

import com.infraconsole.audit.AuditService;
import com.infraconsole.dbadmin.BackupRefusedException;
import com.infraconsole.dbadmin.BackupService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code db-restore FILE [--yes]}: the rollback. Refuses a file whose SHA-256 differs from its
 * manifest or whose schema is newer than this jar; asks before replacing the database unless
 * given --yes (and refuses without a terminal to ask on); backs up the current state first;
 * verifies the audit chain afterwards. Exits 0 only when restored with an intact chain.
 */
@Component
class DbRestoreCommand implements CliCommand {

    private final BackupService backups;
    private final AuditService audit;

    DbRestoreCommand(BackupService backups, AuditService audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "db-restore";
    }

    @Override
    public String summary() {
        return "FILE [--yes] restore a db-backup file (checks its hash; backs up the current state first)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var files = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.size() != 1) {
            out.println("Usage: db-restore FILE [--yes]");
            return 2;
        }
        try {
            var backup = backups.check(Path.of(files.getFirst()));
            var m = backup.manifest();
            out.printf("Backup:         %s%n", backup.file());
            out.printf(
                    "Taken:          %s by %s (%s), schema version %s, %d tables, %d rows%n",
                    m.createdAt(),
                    m.createdBy(),
                    m.reason(),
                    m.schemaVersion() == null ? "none" : m.schemaVersion(),
                    m.tables().size(),
                    m.totalRows());
            out.println("SHA-256:        " + m.sha256() + " (matches the manifest)");
            if (!args.contains("--yes") && !confirmed(in, out, m.database())) {
                return 1;
            }
            var result = backups.restore(backup.file());
            out.println("Current state backed up first to " + result.before().file());
            out.printf("Restored %s: %d statements.%n", backup.file().getFileName(), result.statements());
            var precedes = m.precedesVersion();
            if (precedes != null) {
                out.printf(
                        "Rolled back to before V%s (schema version %s). A release that has V%s will not apply it "
                                + "again on start: start the release that matches schema version %s, or apply V%s deliberately "
                                + "with init-db.%n",
                        precedes, m.schemaVersion(), precedes, m.schemaVersion(), precedes);
            }
            var chain = audit.verify(rows -> {});
            if (chain.intact()) {
                out.printf("audit-verify: %d rows verified: the audit chain is intact.%n", chain.rowsVerified());
                return 0;
            }
            out.println("audit-verify: " + chain.message());
            return 1;
        } catch (BackupRefusedException e) {
            out.println("db-restore refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("db-restore failed: " + e.getMessage());
            return 1;
        }
    }

    private static boolean confirmed(BufferedReader in, PrintStream out, String database) {
        return TypedYes.ask(
                in,
                out,
                "db-restore: not restoring: this replaces everything in " + database
                        + " and there is no terminal to confirm on; add --yes to restore without asking.",
                "This replaces everything in " + database + " with the backup. Type yes to continue: ",
                "db-restore: not restoring (no \"yes\").");
    }
}
