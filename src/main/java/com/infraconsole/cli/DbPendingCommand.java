package com.infraconsole.cli;

import com.infraconsole.dbadmin.DatabaseAdminService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code db-pending [--sql]}: the migrations the next init-db (or start) would apply, each with the
 * lint's risks. With --sql the output is their SQL in order, risks as comments, the successor of
 * {@code flask db upgrade --sql > migration_preview.sql}. Exits 0 either way.
 */
@Component
class DbPendingCommand implements CliCommand {

    private final DatabaseAdminService database;

    DbPendingCommand(DatabaseAdminService database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "db-pending";
    }

    @Override
    public String summary() {
        return "[--sql] list pending migrations with risky statements flagged; --sql prints their SQL";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var status = database.migrations();
        var sql = args.contains("--sql");
        var prefix = sql ? "-- " : "";
        out.println(prefix + "Schema version: "
                + (status.currentVersion() == null ? "none (empty database)" : status.currentVersion()) + "; pending: "
                + status.pending().size());
        for (var p : status.pending()) {
            var m = p.migration();
            if (sql) {
                out.println();
                out.println("-- V" + m.version() + " " + m.description() + " (" + m.script() + ")");
                p.risks().forEach(r -> out.println("-- RISK: " + r));
                out.println(p.sql().strip());
            } else {
                out.println("  V" + m.version() + " " + m.description() + " (" + m.script() + ")"
                        + (p.risks().isEmpty() ? "" : ": " + p.risks().size() + " risk(s)"));
                p.risks().forEach(r -> out.println("      RISK: " + r));
            }
        }
        long risks = status.pending().stream().mapToLong(p -> p.risks().size()).sum();
        if (risks > 0) {
            out.println(
                    prefix + risks + " risky statement(s): take a backup (db-backup) and review them before applying.");
        }
        return 0;
    }
}
