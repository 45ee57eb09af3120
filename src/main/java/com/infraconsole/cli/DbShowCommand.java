package com.infraconsole.cli;

import com.infraconsole.dbadmin.DatabaseAdminService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code db-show VERSION}: an applied migration's SQL, the successor of {@code flask db show}. */
@Component
class DbShowCommand implements CliCommand {

    private final DatabaseAdminService database;

    DbShowCommand(DatabaseAdminService database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "db-show";
    }

    @Override
    public String summary() {
        return "VERSION print an applied migration's SQL";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            out.println("Usage: db-show VERSION   (e.g. db-show 7)");
            return 2;
        }
        var script = database.appliedScript(args.getFirst());
        if (script.isEmpty()) {
            out.println("db-show: version " + args.getFirst() + " is not applied to this database (see db-history).");
            return 1;
        }
        var m = script.get().migration();
        out.println("-- V" + m.version() + " " + m.description() + " (" + m.script() + "), " + m.state()
                + ", installed " + m.installedOn() + " by " + m.installedBy() + ", checksum " + m.checksum());
        if (!script.get().checksumMatches()) {
            out.println(
                    "-- WARNING: this jar's script differs from the one that ran (checksum mismatch); shown as in the jar");
        }
        out.println(script.get().sql().strip());
        return 0;
    }
}
