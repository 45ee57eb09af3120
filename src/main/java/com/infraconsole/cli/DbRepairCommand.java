package com.infraconsole.cli;

import com.infraconsole.dbadmin.DatabaseAdminService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code db-repair}: Flyway repair after a failed migration, the successor of the guide's
 * "Force stamp (use with caution)" step. It only edits the history table; audited as DB_REPAIR.
 */
@Component
class DbRepairCommand implements CliCommand {

    static final String CAUTION = "Use with caution: db-repair only rewrites the migration history (it removes failed "
            + "entries and realigns checksums). It does not undo what a failed migration changed: fix the schema by hand "
            + "first, or restore the backup taken before it (db-restore).";

    private final DatabaseAdminService database;

    DbRepairCommand(DatabaseAdminService database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "db-repair";
    }

    @Override
    public String summary() {
        return "remove failed migrations from the history, realign checksums (use with caution; audited)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        out.println(CAUTION);
        var report = database.repairMigrationHistory();
        if (report.changedNothing()) {
            out.println("Nothing to repair: no failed entries, no checksum differences.");
            return 0;
        }
        report.removedFailed().forEach(m -> out.println("Removed failed entry: " + m));
        report.deletedMissing().forEach(m -> out.println("Marked as deleted (script missing): " + m));
        report.realigned().forEach(m -> out.println("Realigned checksum: " + m));
        out.println("Run db-status to check, then init-db to apply the fixed migration.");
        return 0;
    }
}
