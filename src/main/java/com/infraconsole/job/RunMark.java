package com.infraconsole.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marks the processes of one run with an environment variable, so that the ones that left its
 * process tree (a task that daemonizes: setsid, a double fork, Ansible's async wrapper) are found
 * and stopped when the run ends. In the sandbox its PID namespace already ends them all; the mark
 * matters when the sandbox is off. A process that clears its own environment escapes it.
 */
final class RunMark {

    static final String VARIABLE = "INFRA_JOB_RUN";
    private final String value;
    private final byte[] entry;

    RunMark(String value) {
        this.value = value;
        this.entry = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
    }

    void apply(ProcessBuilder pb) {
        pb.environment().put(VARIABLE, value);
    }

    /** SIGTERM to every marked process still alive, SIGKILL to those still there 2 s later. */
    void stopAll() {
        var marked = processes();
        if (marked.isEmpty()) {
            return;
        }
        marked.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + 2_000_000_000L;
        while (marked.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            JobRunner.pause(50);
        }
        marked.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Live processes whose environment holds this mark (Linux: /proc/PID/environ). */
    List<ProcessHandle> processes() {
        var found = new ArrayList<ProcessHandle>();
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (var dir : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != self && marked(dir.resolve("environ"))) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc (not Linux): only the process tree is stopped.
        }
        return found;
    }

    private boolean marked(Path environ) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == entry.length && Arrays.equals(env, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
