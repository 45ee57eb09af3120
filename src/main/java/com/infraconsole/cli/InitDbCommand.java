package com.infraconsole.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/** {@code init-db}: applies every pending migration and exits. */
@Component
class InitDbCommand implements CliCommand {

    private final Flyway flyway;

    InitDbCommand(Flyway flyway) {
        this.flyway = flyway;
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
        var result = flyway.migrate();
        var version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
        out.printf("Applied %d migration(s); schema version is now %s.%n", result.migrationsExecuted, version);
        return result.success ? 0 : 1;
    }
}
