package com.infraconsole.base.database;

import java.nio.file.Path;
import java.time.Duration;

/** A real outage of the JVM's embedded MariaDB: the server process stops, then starts again. */
public final class EmbeddedOutage {

    private EmbeddedOutage() {
    }

    /**
     * Stops the running server, keeps it down for {@code down}, then starts a server on the same
     * data directory and port, so that every pool in the JVM reconnects to the same database.
     */
    public static void stopFor(Duration down) throws InterruptedException {
        var running = EmbeddedMariaDb.start(Path.of("target/test-db"), 0, false); // the JVM's server
        EmbeddedMariaDb.stopRunning();
        Thread.sleep(down.toMillis());
        var again = EmbeddedMariaDb.launch(running.dataDir(), running.port(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(again::stop, "embedded-mariadb-restarted-stop"));
    }
}
