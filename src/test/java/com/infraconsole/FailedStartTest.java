package com.infraconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real console, started in a JVM of its own on a port that is taken: it must stop its
 * embedded MariaDB and exit non-zero, not hang with the database running.
 */
@Tag("integration")
class FailedStartTest {

    @Test
    void a_start_on_a_taken_port_stops_the_embedded_database_and_exits_non_zero() throws Exception {
        var dataDir = Path.of("target/failed-start-db").toAbsolutePath();
        var log = Path.of("target/failed-start.log").toAbsolutePath();
        deleteRecursively(dataDir);
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            var java = ProcessHandle.current().info().command().orElse("java");
            var command = new ArrayList<String>();
            command.add(java);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Application.class.getName());
            command.add("--spring.profiles.active=test");
            command.add("--server.port=" + taken.getLocalPort());
            command.add("--infra.data-dir=" + dataDir);
            command.add("--infra.embedded-db.fresh=true");
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();

            // A cold start of the whole console takes minutes on a busy machine; what must be quick
            // is the exit once the start has failed.
            var failedAt = waitForFailure(process, log, 600);
            var exited = process.waitFor(30, TimeUnit.SECONDS);
            var exitMillis = (System.nanoTime() - failedAt) / 1_000_000;
            if (!exited) {
                process.destroyForcibly();
                killServersIn(dataDir);
            }
            var output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exited)
                    .as("exited within 30 s of the failed start; output:%n%s", tail(output))
                    .isTrue();
            System.out.printf(
                    "Failed start: exit code %d, %d ms after the failure was logged%n",
                    process.exitValue(), exitMillis);
            assertThat(process.exitValue()).as(tail(output)).isNotZero();
            assertThat(output).as("the embedded database had started").contains("Embedded MariaDB on port");
            assertThat(dataDir.resolve("mariadb/ibdata1")).exists();
            assertThat(output).contains("already in use");
            assertThat(serversIn(dataDir))
                    .as("mariadbd processes left running on " + dataDir)
                    .isEmpty();
        }
    }

    /** Waits until the child reports its failed start (or ends); returns when, in nanoTime. */
    private static long waitForFailure(Process process, Path log, int maxSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("APPLICATION FAILED TO START")) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return System.nanoTime();
    }

    private static java.util.List<ProcessHandle> serversIn(Path dataDir) throws InterruptedException {
        // The child exits after its shutdown hooks ran; give the OS a moment to reap mariadbd.
        for (int i = 0; i < 50; i++) {
            var left = ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .commandLine()
                            .filter(c -> c.contains("mariadbd") && c.contains(dataDir.toString()))
                            .isPresent())
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .filter(c -> c.contains("mariadbd") && c.contains(dataDir.toString()))
                        .isPresent())
                .toList();
    }

    private static void killServersIn(Path dataDir) throws InterruptedException {
        serversIn(dataDir).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String tail(String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
