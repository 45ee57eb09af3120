package com.infraconsole.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The confirmation of a command that changes a schema for good (db-restore, db-adopt): the person
 * types "yes" at a terminal. Without a terminal there is nobody to ask, and the command stops
 * unless it was given --yes.
 */
final class TypedYes {

    private TypedYes() {}

    /**
     * @param noTerminal the line printed when there is no terminal to ask on
     * @param prompt the question, answered on the same line
     * @param declined the line printed when the answer is not "yes"
     */
    static boolean ask(BufferedReader in, PrintStream out, String noTerminal, String prompt, String declined) {
        if (!interactive()) {
            out.println(noTerminal);
            return false;
        }
        out.print(prompt);
        out.flush();
        try {
            var answer = in.readLine();
            if (answer != null && answer.trim().equalsIgnoreCase("yes")) {
                return true;
            }
        } catch (IOException e) {
            // no answer: treated as no
        }
        out.println(declined);
        return false;
    }

    /** A terminal on both ends. JDK 22+ returns a Console even when redirected; its isTerminal() tells. */
    static boolean interactive() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // JDK 21: a non-null console is a terminal
        }
    }
}
