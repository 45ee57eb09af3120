package com.infraconsole.cli;

import com.infraconsole.base.UtcTime;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminModel.MigrationRow;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code db-history}: the successor of {@code flask db history}. Every applied, pending or failed
 * migration, oldest first, as on the Database screen: version, state, installed on and by,
 * execution time, checksum and description. Exits 1 when the database is unreachable.
 */
@Component
class DbHistoryCommand implements CliCommand {

    private static final String ROW = "%-8s %-9s %-19s %-16s %8s %12s  %s%n";

    private final DatabaseAdminService database;

    DbHistoryCommand(DatabaseAdminService database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "db-history";
    }

    @Override
    public String summary() {
        return "list every migration with its state, install time and checksum (exit 1 if unreachable)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            var status = database.migrations();
            out.printf(
                    ROW, "VERSION", "STATE", "INSTALLED ON (UTC)", "INSTALLED BY", "TIME", "CHECKSUM", "DESCRIPTION");
            for (var m : status.history()) {
                out.printf(
                        ROW,
                        dash(m.version()),
                        m.state(),
                        m.installedOn() == null ? "-" : UtcTime.inUtcColumn(m.installedOn()),
                        dash(m.installedBy()),
                        m.executionMillis() == null ? "-" : m.executionMillis() + " ms",
                        checksum(m),
                        m.description());
            }
            out.println();
            out.println("Current version: "
                    + (status.currentVersion() == null ? "none (empty database)" : status.currentVersion())
                    + "; pending: " + status.pending().size() + "; failed: "
                    + status.failed().size());
            return 0;
        } catch (DataAccessException e) {
            out.println("Could not read the migration history: "
                    + e.getMostSpecificCause().getMessage());
            return 1;
        }
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String checksum(MigrationRow m) {
        return m.checksum() == null ? "-" : String.valueOf(m.checksum());
    }
}
