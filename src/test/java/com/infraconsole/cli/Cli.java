package com.infraconsole.cli;

import com.infraconsole.Application;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs a command in-process, as {@code java -jar infra-console.jar <command>} would, on the test database. */
final class Cli {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {}

    static Result run(List<String> args, String stdin, String... springArgs) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var extra = new ArrayList<>(List.of("--spring.profiles.active=test"));
        extra.addAll(List.of(springArgs));
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CommandLineMode.run(
                    Application.class,
                    args.toArray(String[]::new),
                    new BufferedReader(new StringReader(stdin == null ? "" : stdin)),
                    o,
                    e,
                    extra.toArray(String[]::new));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return run(List.of(args), null);
    }
}
