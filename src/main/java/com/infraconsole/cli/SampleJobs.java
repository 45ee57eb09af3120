package com.infraconsole.cli;

import com.infraconsole.cli.SampleInventory.Host;
import com.infraconsole.cli.SamplePlaybooks.Playbook;
import com.infraconsole.server.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Sixty finished sample job runs over the last 30 days. A fixed random seed makes every run of
 * {@code seed-data} plan the same jobs with the same name-based job ids, which is what makes the
 * command idempotent; only their timestamps follow the clock.
 */
final class SampleJobs {

    static final int COUNT = 60;
    static final int TIMEOUT_SECONDS = 1800;

    /** One planned run; times are seconds relative to the moment of seeding. */
    record Job(
            int index,
            UUID jobId,
            Playbook playbook,
            Host host,
            String status,
            long createdSecondsAgo,
            int queueSeconds,
            int runSeconds,
            Integer exitCode,
            String errorMessage,
            String extraVars,
            boolean byAdmin,
            List<String> lines) {}

    /** Runs the tickets refer to, by index: playbook, host, status. */
    private static final Map<Integer, String[]> SCRIPTED = Map.of(
            5, new String[] {"deploy-nginx", "web-03.prod.infra.internal", "failed"},
            12, new String[] {"apt-upgrade", "api-01.stg.infra.internal", "timed_out"},
            18, new String[] {"ping-all-hosts", "worker-02.stg.infra.internal", "failed"},
            24, new String[] {"apt-upgrade", "ci-runner-01.stg.infra.internal", "success"},
            30, new String[] {"rotate-logs", "api-01.prod.infra.internal", "success"},
            40, new String[] {"create-users", "web-01.prod.infra.internal", "success"});

    private SampleJobs() {}

    static UUID jobId(int index) {
        return UUID.nameUUIDFromBytes(("infra-console:seed-data:job:" + index).getBytes(StandardCharsets.UTF_8));
    }

    static List<Job> plan() {
        var rnd = new Random(20260101L);
        var jobs = new ArrayList<Job>();
        var reachable = SampleInventory.HOSTS.stream()
                .filter(h -> h.status() != ServerStatus.INACTIVE)
                .toList();
        for (int i = 0; i < COUNT; i++) {
            var playbook = SamplePlaybooks.ALL.get(rnd.nextInt(SamplePlaybooks.ALL.size()));
            var candidates =
                    playbook.name().startsWith("apt") || playbook.name().startsWith("deploy")
                            ? reachable.stream()
                                    .filter(h -> h.os().startsWith("Ubuntu") || h.os().startsWith("Debian"))
                                    .toList()
                            : reachable;
            var host = candidates.get(rnd.nextInt(candidates.size()));
            int roll = rnd.nextInt(100);
            // Only finished runs: a seeded "running" job has no process behind it (the node-lost sweeper
            // would fail it within seconds) and a seeded "pending" one no trigger that would start it.
            var status = roll < 72 ? "success" : roll < 86 ? "failed" : roll < 93 ? "cancelled" : "timed_out";
            var scripted = SCRIPTED.get(i);
            if (scripted != null) {
                playbook = playbook(scripted[0]);
                host = host(scripted[1]);
                status = scripted[2];
            }
            long ago = i <= 2 ? 3_600L * (i + 1) : i * 43_200L + rnd.nextInt(36_000) - 18_000;
            int queue = 1 + rnd.nextInt(4);
            int run = switch (status) {
                case "timed_out" -> TIMEOUT_SECONDS;
                default -> playbook.minSeconds() + rnd.nextInt(playbook.maxSeconds() - playbook.minSeconds() + 1);
            };
            var unreachable = status.equals("failed") && playbook.failingTask() == 0;
            Integer exit = switch (status) {
                case "success" -> 0;
                case "failed" -> unreachable ? 4 : 2;
                default -> null;
            };
            var byAdmin = rnd.nextInt(4) == 0;
            var error = switch (status) {
                case "failed" ->
                    "ansible-playbook exited with code " + exit + ": "
                            + playbook.failure().formatted(host.ip()).replace("\\\"", "\"");
                case "cancelled" ->
                    "Cancelled by " + (byAdmin ? "an administrator" : "the operator") + " after " + run + " s";
                case "timed_out" -> "Timed out after " + TIMEOUT_SECONDS / 60 + " minutes; the process tree was killed";
                default -> null;
            };
            var extraVars = playbook.name().equals("restart-service")
                    ? "{\"service_name\": \"" + serviceOf(host) + "\"}"
                    : null;
            var lines = AnsibleOutput.lines(playbook, host.hostname(), host.ip(), status, rnd);
            jobs.add(new Job(
                    i, jobId(i), playbook, host, status, ago, queue, run, exit, error, extraVars, byAdmin, lines));
        }
        return jobs;
    }

    private static String serviceOf(Host host) {
        var name = host.hostname();
        return name.startsWith("db")
                ? "mysqld"
                : name.startsWith("cache")
                        ? "redis-server"
                        : name.startsWith("lb") ? "haproxy" : name.startsWith("api") ? "api" : "nginx";
    }

    private static Playbook playbook(String name) {
        return SamplePlaybooks.ALL.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Host host(String hostname) {
        return SampleInventory.HOSTS.stream()
                .filter(h -> h.hostname().equals(hostname))
                .findFirst()
                .orElseThrow();
    }
}
