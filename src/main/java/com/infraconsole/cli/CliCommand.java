package com.infraconsole.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;

/** One command of {@code java -jar infra-console.jar <command>}; each is a Spring bean. */
public interface CliCommand {

    String name();

    /** One line for the usage text. */
    String summary();

    /** Runs the command and returns the process exit code. */
    int run(List<String> args, BufferedReader in, PrintStream out);

    /** The value following {@code --name} (or given as {@code --name=value}), if any. */
    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            var a = args.get(i);
            if (a.equals("--" + name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return null;
    }
}
