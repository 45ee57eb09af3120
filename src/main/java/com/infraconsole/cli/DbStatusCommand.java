package com.infraconsole.cli;

import com.infraconsole.dbadmin.DatabaseAdminService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code db-status}: the connection (password masked), server version, schema version and any
 * pending or failed migrations, from the same service as the Database screen. Exits 1 when
 * the database is unreachable or not up to date.
 */
@Component
class DbStatusCommand implements CliCommand {

    private final DatabaseAdminService database;

    DbStatusCommand(DatabaseAdminService database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "db-status";
    }

    @Override
    public String summary() {
        return "show connection, server version and migration status (exit 1 if not up to date)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            var connection = database.connection();
            out.println("Connection:     " + connection.url() + " (user " + connection.user() + ")");
            out.println("Server:         " + connection.product() + " " + connection.version());
        } catch (DataAccessException e) {
            out.println("Connection:     FAILED: " + e.getMostSpecificCause().getMessage());
            return 1;
        }
        var status = database.migrations();
        out.println("Schema version: "
                + (status.currentVersion() == null
                        ? "none (empty database)"
                        : status.currentVersion() + " (" + status.currentDescription() + ")"));
        out.println("Pending:        " + status.pending().size());
        status.pending()
                .forEach(p -> out.println(
                        "  V" + p.migration().version() + " " + p.migration().description()));
        out.println("Failed:         " + status.failed().size());
        status.failed().forEach(m -> out.println("  V" + m.version() + " " + m.description()));
        out.println("Validation:     "
                + (status.valid() ? "OK" : "FAILED: " + String.join("; ", status.validationErrors())));
        var ok = status.upToDate();
        out.println(ok ? "Status:         OK" : "Status:         NOT UP TO DATE (run init-db)");
        return ok ? 0 : 1;
    }
}
