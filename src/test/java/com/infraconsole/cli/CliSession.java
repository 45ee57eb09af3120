package com.infraconsole.cli;

import com.infraconsole.Application;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One command-line-mode context (the Spring arguments the jar's commands run with) for several
 * commands in a row: a context start is most of a command's time, and a class that runs every
 * command against one server would otherwise start one per command.
 */
final class CliSession implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    CliSession(String... springArgs) {
        var args = CommandLineMode.springArgs("session");
        args.add("--spring.profiles.active=test");
        args.addAll(List.of(springArgs));
        var app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        context = app.run(args.toArray(String[]::new));
    }

    Cli.Result run(String... args) {
        var command = context.getBeansOfType(CliCommand.class).values().stream()
                .filter(c -> c.name().equals(args[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + args[0]));
        var out = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = SystemAuthentication.call(() ->
                    command.run(List.of(args).subList(1, args.length), new BufferedReader(new StringReader("")), o));
        }
        return new Cli.Result(code, out.toString(StandardCharsets.UTF_8), "");
    }

    @Override
    public void close() {
        context.close();
    }
}
