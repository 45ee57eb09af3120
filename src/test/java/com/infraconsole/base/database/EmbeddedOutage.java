package com.infraconsole.base.database;

import java.io.IOException;
import java.time.Duration;

/** A real outage of the JVM's embedded MariaDB: the server process stops, or freezes, and comes back. */
public final class EmbeddedOutage {

    private EmbeddedOutage() {}

    /**
     * Stops the running server, keeps it down for {@code down}, then starts a server on the same
     * data directory and port, so that every pool in the JVM reconnects to the same database.
     * May be called again later in the same JVM.
     */
    public static void stopFor(Duration down) throws InterruptedException {
        EmbeddedMariaDb.stopRunning();
        Thread.sleep(down.toMillis());
        EmbeddedMariaDb.startAgain();
    }

    /**
     * Freezes the server (SIGSTOP): its connections stay open and nothing answers, as when its host
     * hangs or the network drops packets. Closing the result thaws it (SIGCONT).
     */
    public static Frozen freeze() throws IOException, InterruptedException {
        var server = process();
        signal(server, "STOP");
        return () -> signal(server, "CONT");
    }

    /** A frozen server; close() lets it run again. */
    public interface Frozen extends AutoCloseable {
        @Override
        void close() throws IOException, InterruptedException;
    }

    /** The MariaDB server process of this JVM. */
    public static ProcessHandle process() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").matches(".*/(mariadbd|mysqld)$"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no embedded MariaDB among this JVM's children"));
    }

    private static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (rc != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " exited with " + rc);
        }
    }
}
