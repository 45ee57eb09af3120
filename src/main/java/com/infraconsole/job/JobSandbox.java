package com.infraconsole.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts ansible-playbook inside a bubblewrap sandbox, so that a playbook (arbitrary code: lookups,
 * templates and {@code hosts: localhost} run on the controller) cannot reach the console.
 *
 * <p>Inside, a run has its own PID, IPC, UTS, user and mount namespaces; an unprivileged uid (on
 * the host too when the console runs as root: setpriv drops to it before bwrap starts); a cleared
 * environment plus an allow-list; /usr read-only; only the files of /etc that Python, Ansible and
 * ssh need, and a generated passwd/group; a private /tmp; the job's workspace at {@value #INSIDE}
 * as the only writable place. It dies with the console and ends in a new session. The network is
 * shared: SSH to the fleet needs it. What this does and does not isolate: docs/security.md.
 */
@Component
class JobSandbox {

    /** Where the job's workspace appears inside the sandbox. */
    static final String INSIDE = "/job";

    static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final Logger log = LoggerFactory.getLogger(JobSandbox.class);
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);
    /** The parts of /etc that name resolution, TLS, Python, Ansible's facts and ssh read. Never shadow or keys. */
    private static final List<String> ETC = List.of(
            "/etc/hosts",
            "/etc/resolv.conf",
            "/etc/nsswitch.conf",
            "/etc/host.conf",
            "/etc/gai.conf",
            "/etc/services",
            "/etc/protocols",
            "/etc/localtime",
            "/etc/timezone",
            "/etc/os-release",
            "/etc/debian_version",
            "/etc/lsb-release",
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/alternatives",
            "/etc/ssl/certs",
            "/etc/ssl/openssl.cnf",
            "/etc/ca-certificates.conf",
            "/etc/ssh/ssh_config",
            "/etc/ssh/ssh_config.d",
            "/etc/python3",
            "/etc/python3.11",
            "/etc/python3.12",
            "/etc/python3.13");

    private final SandboxProperties props;
    private final Clock clock;
    private final boolean consoleIsRoot;
    private volatile SandboxStatus status;
    private volatile Instant checkedAt = Instant.MIN;

    JobSandbox(SandboxProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.consoleIsRoot = currentUid() == 0;
    }

    /** Whether jobs can start, checked by starting a real sandbox (again at most every 30 s while it fails). */
    SandboxStatus status() {
        if (stale(status)) {
            synchronized (this) {
                if (stale(status)) {
                    status = probe();
                    checkedAt = clock.instant();
                }
            }
        }
        return status;
    }

    private boolean stale(SandboxStatus s) {
        return s == null || !s.available() && clock.instant().isAfter(checkedAt.plus(RECHECK_AFTER));
    }

    /** The whole argument list and a cleared environment for one run in {@code ws}. */
    ProcessBuilder processBuilder(AnsibleWorkspace ws, List<String> command) throws IOException {
        var pb = new ProcessBuilder()
                .redirectErrorStream(true)
                .directory(ws.work().toFile());
        pb.environment().clear();
        if (!props.enabled()) {
            // No isolation, but still no console secret through the environment.
            pb.environment().putAll(AnsibleWorkspace.environment(ws.work().toString()));
            return pb.command(command);
        }
        ws.writeIdentity(props.uid(), props.gid());
        if (consoleIsRoot) {
            ws.handTo(props.uid(), props.gid());
        }
        pb.environment().put("PATH", PATH);
        return pb.command(wrap(ws, command));
    }

    /**
     * Why a run with this executable cannot start now, as one line for the job log: the sandbox
     * does not work, or the executable lies outside what the sandbox shows.
     */
    Optional<String> refusal(Path executable) {
        var s = status();
        if (!s.available()) {
            return Optional.of(s.problem());
        }
        if (!props.enabled()) {
            return Optional.empty();
        }
        var real = executable.toAbsolutePath().normalize();
        boolean visible =
                real.startsWith("/usr") || props.readOnlyPaths().stream().anyMatch(p -> real.startsWith(p));
        return visible
                ? Optional.empty()
                : Optional.of(real + " is outside /usr, so the job sandbox cannot see it:"
                        + " add its installation directory to infra.jobs.sandbox.read-only-paths.");
    }

    /** Describes the isolation in the job log's first line. */
    String describe() {
        return props.enabled()
                ? "in the job sandbox (bubblewrap, uid " + props.uid() + ")"
                : "WITHOUT the job sandbox (INFRA_JOB_SANDBOX=off)";
    }

    List<String> wrap(AnsibleWorkspace ws, List<String> command) {
        var argv = new ArrayList<String>();
        if (consoleIsRoot) {
            // bwrap run by root would keep root's rights on host files; drop to the job's uid first.
            argv.addAll(List.of(
                    props.setpriv(),
                    "--reuid=" + props.uid(),
                    "--regid=" + props.gid(),
                    "--clear-groups",
                    "--inh-caps=-all",
                    "--"));
        }
        argv.addAll(List.of(
                props.bwrap(), "--unshare-all", "--share-net", "--die-with-parent", "--new-session", "--clearenv"));
        AnsibleWorkspace.environment(INSIDE).forEach((k, v) -> argv.addAll(List.of("--setenv", k, v)));
        argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (var top : List.of("bin", "sbin", "lib", "lib64", "lib32", "libx32")) {
            var p = Path.of("/" + top);
            if (Files.isSymbolicLink(p)) {
                argv.addAll(List.of("--symlink", readLink(p), p.toString()));
            } else if (Files.isDirectory(p)) {
                argv.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        for (var etc : ETC) {
            argv.addAll(List.of("--ro-bind-try", etc, etc));
        }
        argv.addAll(List.of(
                "--ro-bind",
                ws.root().resolve("etc/passwd").toString(),
                "/etc/passwd",
                "--ro-bind",
                ws.root().resolve("etc/group").toString(),
                "/etc/group"));
        for (var extra : props.readOnlyPaths()) {
            argv.addAll(List.of("--ro-bind-try", extra, extra));
        }
        argv.addAll(List.of(
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp",
                "--bind",
                ws.work().toString(),
                INSIDE));
        if (props.sshDir() != null) {
            argv.addAll(List.of("--ro-bind", props.sshDir(), INSIDE + "/home/.ssh"));
        }
        argv.addAll(List.of(
                "--chdir", INSIDE, "--uid", String.valueOf(props.uid()), "--gid", String.valueOf(props.gid()), "--"));
        argv.addAll(command);
        return argv;
    }

    /** Starts a real, empty sandbox once; its failure names what to fix. */
    private SandboxStatus probe() {
        if (!props.enabled()) {
            return new SandboxStatus(false, true, null);
        }
        if (!Files.isExecutable(Path.of(props.bwrap()))) {
            return refused("bubblewrap is not installed (no " + props.bwrap()
                    + "): install Debian's package 'bubblewrap' (apt-get install bubblewrap).");
        }
        if (consoleIsRoot && !Files.isExecutable(Path.of(props.setpriv()))) {
            return refused("setpriv is missing (" + props.setpriv() + "): install Debian's package 'util-linux'.");
        }
        try (var ws = AnsibleWorkspace.create("", List.of(), null)) {
            var pb = processBuilder(ws, List.of("/usr/bin/true"));
            var process = pb.start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return refused("bubblewrap did not start within 20 s.");
            }
            if (process.exitValue() == 0) {
                log.info("Job sandbox works: ansible-playbook runs under bubblewrap as uid {}", props.uid());
                return new SandboxStatus(true, true, null);
            }
            var first = out.lines().findFirst().orElse("exit code " + process.exitValue());
            if (first.contains("namespace")
                    || first.contains("uid map")
                    || first.contains("Operation not permitted")
                    || first.contains("Permission denied")) {
                return refused("bubblewrap cannot create namespaces (" + first + "): allow unprivileged user"
                        + " namespaces (sysctl user.max_user_namespaces above 0, and on Debian"
                        + " kernel.unprivileged_userns_clone=1); in a container, run it with"
                        + " --security-opt seccomp=unconfined --security-opt apparmor=unconfined.");
            }
            return refused("bubblewrap does not start: " + first + ".");
        } catch (IOException e) {
            return refused("bubblewrap does not start: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused("the sandbox check was interrupted.");
        }
    }

    private static SandboxStatus refused(String reason) {
        var line = "Jobs are refused: the job sandbox cannot start, " + reason
                + " Or set INFRA_JOB_SANDBOX=off to run jobs without it (docs/security.md).";
        log.error(line);
        return new SandboxStatus(true, false, line);
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return "usr" + p;
        }
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
