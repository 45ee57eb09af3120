package com.infraconsole.cli;

import com.infraconsole.base.database.DatabaseSettings;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.springframework.stereotype.Component;

/**
 * {@code db-status}: the connection (password masked), server version, schema version and any
 * pending or failed migrations. Exits 1 when the database is unreachable or not up to date.
 */
@Component
class DbStatusCommand implements CliCommand {

    private final DataSource dataSource;
    private final Flyway flyway;

    DbStatusCommand(DataSource dataSource, Flyway flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
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
        try (var c = dataSource.getConnection()) {
            var meta = c.getMetaData();
            out.println("Connection:     " + DatabaseSettings.mask(meta.getURL()) + " (user " + meta.getUserName() + ")");
            out.println("Server:         " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            out.println("Connection:     FAILED: " + e.getMessage());
            return 1;
        }
        var info = flyway.info();
        out.println("Schema version: " + (info.current() == null ? "none (empty database)" : info.current().getVersion()
                + " (" + info.current().getDescription() + ")"));
        var pending = info.pending();
        var failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).toList();
        out.println("Pending:        " + pending.length);
        for (var m : pending) {
            out.println("  V" + m.getVersion() + " " + m.getDescription());
        }
        out.println("Failed:         " + failed.size());
        failed.forEach(m -> out.println("  V" + m.getVersion() + " " + m.getDescription()));
        var ok = pending.length == 0 && failed.isEmpty();
        out.println(ok ? "Status:         OK" : "Status:         NOT UP TO DATE (run init-db)");
        return ok ? 0 : 1;
    }
}
