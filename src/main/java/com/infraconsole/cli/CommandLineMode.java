package com.infraconsole.cli;

import com.infraconsole.base.database.DatabaseUnreachableException;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Runs the console as a command-line tool: no web server, no migration on start (each command
 * decides), quiet logging, and the command's result as the exit code.
 */
public final class CommandLineMode {

    private static final List<String> QUIET_LOGGERS =
            List.of("org.springframework.boot.diagnostics", "org.springframework.boot.SpringApplication");

    private CommandLineMode() {}

    /** Anything that is not an option is taken as a command name. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public static int run(Class<?> applicationClass, String[] args) {
        return run(
                applicationClass,
                args,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out,
                System.err,
                new String[0]);
    }

    /** Also used by tests, with their own streams and extra Spring arguments. */
    public static int run(
            Class<?> applicationClass,
            String[] args,
            BufferedReader in,
            PrintStream out,
            PrintStream err,
            String[] extraSpringArgs) {
        var command = args[0];
        var springArgs = springArgs(command);
        springArgs.addAll(Arrays.asList(extraSpringArgs));
        // Spring reports a failed start (e.g. an unreachable database, found before logging is set
        // up) as a block on the log; a command reports it as one line below instead. The levels are
        // JVM-wide, so they are put back afterwards for whatever else runs in this JVM (tests).
        var logging = LoggingSystem.get(CommandLineMode.class.getClassLoader());
        QUIET_LOGGERS.forEach(name -> logging.setLogLevel(name, LogLevel.OFF));
        try {
            return run(applicationClass, command, args, in, out, err, springArgs);
        } finally {
            QUIET_LOGGERS.forEach(name -> logging.setLogLevel(name, null));
        }
    }

    /** What a command's Spring context runs with (tests that run several commands in one context use it too). */
    static java.util.ArrayList<String> springArgs(String command) {
        return new java.util.ArrayList<>(List.of(
                "--infra.cli.command=" + command,
                "--spring.jpa.hibernate.ddl-auto=none",
                // Vaadin's auto-configuration needs a web application context, which a command has not.
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "--logging.level.root=warn",
                "--logging.level.com.infraconsole=warn",
                // A failure is reported below as one line; no "Application run failed" stack trace.
                "--logging.level.org.springframework.boot.SpringApplication=off",
                "--logging.level.org.springframework.boot.diagnostics=off",
                "--logging.level.org.springframework.context=error",
                // A command never runs jobs. Its Quartz scheduler stays stopped, so it does not join
                // the cluster and take a job it would abandon on exit, and has a name of its own, so
                // that Quartz's JVM-wide registry keeps the console's data source when it runs
                // in-process (tests) and closes.
                "--spring.quartz.auto-startup=false",
                "--spring.quartz.scheduler-name=infra-console-command",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false"));
    }

    private static int run(
            Class<?> applicationClass,
            String command,
            String[] args,
            BufferedReader in,
            PrintStream out,
            PrintStream err,
            List<String> springArgs) {
        var app = new SpringApplication(applicationClass);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        try (var context = app.run(springArgs.toArray(String[]::new))) {
            var commands = context.getBeansOfType(CliCommand.class).values().stream()
                    .sorted(java.util.Comparator.comparing(CliCommand::name))
                    .toList();
            var match = commands.stream().filter(c -> c.name().equals(command)).findFirst();
            if (match.isEmpty()) {
                err.println("Unknown command: " + command);
                err.println("Commands:");
                commands.forEach(c -> err.printf("  %-13s %s%n", c.name(), c.summary()));
                return 2;
            }
            var rest = Arrays.asList(args).subList(1, args.length);
            return SystemAuthentication.call(() -> match.get().run(rest, in, out));
        } catch (RuntimeException e) {
            var unreachable = findCause(e, DatabaseUnreachableException.class);
            if (unreachable != null) {
                err.println(command + ": " + unreachable.getMessage());
                return 1;
            }
            err.println(command + " failed: " + rootMessage(e));
            return 1;
        }
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
