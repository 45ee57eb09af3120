package com.infraconsole.job;

import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one job on this node: claims it, runs the real ansible-playbook as a child process,
 * streams its output into job_logs, heartbeats, obeys cancel and timeout, stores exit code and
 * PLAY RECAP. Called on a Quartz worker thread; the Quartz pool size is the per-node limit.
 */
@Component
class JobRunner {

    static final String MISSING_ANSIBLE =
            "ansible-playbook not found: install the Debian package 'ansible' (apt-get install ansible)";
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final long SLICE_MS = 100;

    /** Why a run was stopped from outside the process. */
    private enum Stop { NONE, CANCEL, TIMEOUT, SHUTDOWN, LOST, CRASH }

    private final JobStateStore state;
    private final JobLogStore logs;
    private final JobEvents events;
    private final PlaybookSource playbooks;
    private final ServerService servers;
    private final JobFollowUp followUp;
    private final JobSandbox sandbox;
    private final JobProperties props;
    private final Clock clock;
    private final String nodeId;
    private final Map<Long, Run> active = new ConcurrentHashMap<>();
    private volatile String executable;

    JobRunner(JobStateStore state, JobLogStore logs, JobEvents events, PlaybookSource playbooks, ServerService servers,
            JobFollowUp followUp, JobSandbox sandbox, JobProperties props, Clock clock, JobNode node) {
        this.state = state;
        this.logs = logs;
        this.events = events;
        this.playbooks = playbooks;
        this.servers = servers;
        this.followUp = followUp;
        this.sandbox = sandbox;
        this.props = props;
        this.clock = clock;
        this.nodeId = node.id();
        this.executable = props.ansiblePlaybook();
    }

    /** Test support: point at another executable (e.g. a missing one). */
    void useExecutable(String executable) {
        this.executable = executable == null ? props.ansiblePlaybook() : executable;
    }

    private static final class Run {
        volatile Stop stop = Stop.NONE;
    }

    void run(long jobId) {
        SystemAuthentication.run(() -> {
            var job = state.claim(jobId, nodeId).orElse(null);
            if (job == null) {
                events.publish(new JobEvents.Change(jobId, logs.lineCount(jobId), null));
                return;
            }
            var run = new Run();
            active.put(jobId, run);
            events.runningHere(jobId, true);
            events.publish(new JobEvents.Change(jobId, 0, JobStatus.RUNNING));
            try {
                execute(job, run);
            } catch (RuntimeException e) {
                log.error("Job {} failed in the console", jobId, e);
                state.finish(jobId, nodeId, JobStatus.FAILED, null, "Console error: " + e.getMessage(), null);
            } finally {
                active.remove(jobId);
                events.runningHere(jobId, false);
                var finished = state.finishedStatus(jobId);
                events.publish(new JobEvents.Change(jobId, logs.lineCount(jobId), finished));
                if (run.stop != Stop.CRASH) {
                    followUp.afterFinish(jobId);
                }
            }
        });
    }

    /** Asks a run on this node to stop now (the database flag reaches runs on other nodes). */
    void cancelLocal(long jobId) {
        var run = active.get(jobId);
        if (run != null && run.stop == Stop.NONE) {
            run.stop = Stop.CANCEL;
        }
    }

    int activeCount() {
        return active.size();
    }

    private void execute(Job job, Run run) {
        long jobId = job.getId();
        var playbook = playbooks.find(job.getPlaybookId()).orElse(null);
        var targets = new ArrayList<Server>();
        for (var id : job.getTargets()) {
            servers.get(id).ifPresent(targets::add);
        }
        var writer = new JobLogWriter(jobId, 1, logs, clock, props.logFlushLines(), props.logFlushInterval(),
                n -> events.publish(new JobEvents.Change(jobId, n, JobStatus.RUNNING)));
        try (writer) {
            var exe = AnsibleWorkspace.resolveExecutable(executable);
            if (exe.isEmpty()) {
                writer.append(MISSING_ANSIBLE + " (looked for '" + executable + "')");
                finish(job, writer, JobStatus.FAILED, null, MISSING_ANSIBLE, null);
                return;
            }
            var refusal = sandbox.refusal(exe.get());
            if (refusal.isPresent()) {
                writer.append("[console] " + refusal.get());
                finish(job, writer, JobStatus.FAILED, null, refusal.get(), null);
                return;
            }
            if (playbook == null || targets.size() != job.getTargets().size()) {
                var msg = playbook == null ? "The playbook was deleted" : "A target server was deleted";
                writer.append(msg);
                finish(job, writer, JobStatus.FAILED, null, msg, null);
                return;
            }
            try (var ws = AnsibleWorkspace.create(playbook.content(), targets, job.getExtraVars())) {
                var cmd = ws.command(exe.get().toString(), job.isCheckMode(), job.getVerbosity());
                writer.append("$ " + String.join(" ", cmd) + "   # " + targets.size() + " host(s), playbook "
                        + playbook.name() + ", " + sandbox.describe());
                runProcess(job, run, sandbox.processBuilder(ws, cmd), writer);
            }
        } catch (IOException e) {
            finish(job, writer, JobStatus.FAILED, null, "Could not start ansible-playbook: " + e.getMessage(), null);
        }
    }

    private void runProcess(Job job, Run run, ProcessBuilder pb, JobLogWriter writer) throws IOException {
        var recap = new PlayRecap();
        var process = pb.start();
        var reader = Thread.ofPlatform().name("job-out-" + job.getId()).daemon().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    var clean = ANSI.matcher(line).replaceAll("");
                    recap.accept(clean);
                    writer.append(clean);
                }
            } catch (IOException e) {
                // The stream closes when the process is killed.
            }
        });
        var timeout = job.getTimeoutSeconds() != null ? Duration.ofSeconds(job.getTimeoutSeconds()) : props.defaultTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextBeat = System.nanoTime() + props.heartbeatInterval().toNanos();
        try {
            while (!process.waitFor(SLICE_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() >= deadline && run.stop == Stop.NONE) {
                    run.stop = Stop.TIMEOUT;
                }
                if (System.nanoTime() >= nextBeat && run.stop == Stop.NONE) {
                    nextBeat = System.nanoTime() + props.heartbeatInterval().toNanos();
                    var beat = state.heartbeat(job.getId(), nodeId);
                    run.stop = beat == JobStateStore.Beat.CANCEL ? Stop.CANCEL : beat == JobStateStore.Beat.LOST ? Stop.LOST : Stop.NONE;
                }
                if (run.stop != Stop.NONE) {
                    killTree(process);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop = Stop.SHUTDOWN;
            killTree(process);
        }
        joinQuietly(reader);
        Integer exit = process.isAlive() ? null : process.exitValue();
        switch (run.stop) {
            case NONE -> finish(job, writer, exit != null && exit == 0 ? JobStatus.SUCCESS : JobStatus.FAILED, exit,
                    exit != null && exit == 0 ? null : "ansible-playbook exited with code " + exit + explain(exit),
                    recap.toJson());
            case CANCEL -> {
                writer.append("[console] Cancelled: the ansible-playbook process tree was stopped.");
                finish(job, writer, JobStatus.CANCELLED, exit, "Cancelled", recap.toJson());
            }
            case TIMEOUT -> {
                writer.append("[console] Timed out after " + timeout.toSeconds() + " s: the process tree was stopped.");
                finish(job, writer, JobStatus.TIMED_OUT, exit, "Timed out after " + timeout.toSeconds() + " s", recap.toJson());
            }
            case SHUTDOWN -> finish(job, writer, JobStatus.FAILED, exit,
                    "Console node " + nodeId + " shut down while the job was running", recap.toJson());
            case LOST, CRASH -> { } // Another node (the sweeper) already decided, or this node "died".
        }
    }

    /** Stores every line first: whoever sees the final status can read the whole log. */
    private void finish(Job job, JobLogWriter writer, JobStatus status, Integer exit, String message, String recap) {
        writer.close();
        state.finish(job.getId(), nodeId, status, exit, message, recap);
    }

    private static String explain(Integer exit) {
        if (exit == null) {
            return "";
        }
        return switch (exit) {
            case 1 -> " (error)";
            case 2 -> " (one or more hosts failed)";
            case 3 -> " (one or more hosts unreachable)";
            case 4 -> " (parser error: check the playbook's YAML)";
            case 5 -> " (bad or incomplete options)";
            case 250 -> " (unexpected error)";
            default -> "";
        };
    }

    /** SIGTERM to the whole tree (children first, snapshot taken before they are reparented), then SIGKILL. */
    static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // Still alive: force below.
        }
        var rest = new ArrayList<>(tree);
        rest.addAll(process.descendants().toList());
        rest.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop: running jobs end as failed, saying this node shut down. */
    @PreDestroy
    void shutdown() {
        active.values().forEach(r -> {
            if (r.stop == Stop.NONE) {
                r.stop = Stop.SHUTDOWN;
            }
        });
        long until = System.currentTimeMillis() + 10_000;
        while (!active.isEmpty() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Test support: behave like a node that died (processes killed, no status written, no heartbeat). */
    void simulateCrash() {
        active.values().forEach(r -> r.stop = Stop.CRASH);
    }
}
