package com.infraconsole.job;

import com.infraconsole.credential.CredentialUnlocker;
import com.infraconsole.playbook.PlaybookSource;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    private static final long FIRST_RETRY_MS = 250;
    private static final long MAX_RETRY_MS = 10_000;

    /** Why a run was stopped from outside the process. */
    private enum Stop {
        NONE,
        CANCEL,
        TIMEOUT,
        SHUTDOWN,
        LOST,
        CRASH,
        NO_DATABASE
    }

    private final JobStateStore state;
    private final JobLogStore logs;
    private final JobEvents events;
    private final PlaybookSource playbooks;
    private final ServerService servers;
    private final JobFollowUp followUp;
    private final JobSandbox sandbox;
    private final CredentialUnlocker unlocker;
    private final JobProperties props;
    private final Clock clock;
    private final String nodeId;
    private final Map<Long, Run> active = new ConcurrentHashMap<>();
    private volatile String executable;
    private volatile boolean stopping;
    private final ExecutorService heartbeats = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("job-heartbeat-", 1).daemon().factory());

    JobRunner(
            JobStateStore state,
            JobLogStore logs,
            JobEvents events,
            PlaybookSource playbooks,
            ServerService servers,
            JobFollowUp followUp,
            JobSandbox sandbox,
            CredentialUnlocker unlocker,
            JobProperties props,
            Clock clock,
            JobNode node) {
        this.state = state;
        this.logs = logs;
        this.events = events;
        this.playbooks = playbooks;
        this.servers = servers;
        this.followUp = followUp;
        this.sandbox = sandbox;
        this.unlocker = unlocker;
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
            Job job;
            try {
                job = state.claim(jobId, nodeId).orElse(null);
            } catch (RuntimeException e) {
                // Its trigger is used up: the sweeper queues the still pending job again.
                log.warn("Job {} could not be claimed, it stays pending: {}", jobId, e.toString());
                return;
            }
            if (job == null) {
                publishQuietly(jobId, false);
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
                record(jobId, run, JobStatus.FAILED, null, "Console error: " + e.getMessage(), null);
            } finally {
                active.remove(jobId);
                events.runningHere(jobId, false);
                publishQuietly(jobId, true);
                if (run.stop != Stop.CRASH) {
                    followUp.afterFinish(jobId);
                }
            }
        });
    }

    /** Tells watchers where the job stands now; a database still down only delays what they see. */
    private void publishQuietly(long jobId, boolean withStatus) {
        try {
            var finished = withStatus ? state.finishedStatus(jobId) : null;
            events.publish(new JobEvents.Change(jobId, logs.lineCount(jobId), finished));
        } catch (RuntimeException e) {
            log.warn("Could not read the state of job {} to announce it: {}", jobId, e.toString());
        }
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
        var version = job.getPlaybookVersion();
        var playbook = (version == null
                        ? playbooks.find(job.getPlaybookId())
                        : playbooks.find(job.getPlaybookId(), version))
                .orElse(null);
        var targets = new ArrayList<Server>();
        for (var id : job.getTargets()) {
            servers.get(id).ifPresent(targets::add);
        }
        var writer = new JobLogWriter(
                jobId,
                1,
                logs,
                clock,
                props.logFlushLines(),
                props.logFlushInterval(),
                n -> events.publish(new JobEvents.Change(jobId, n, JobStatus.RUNNING)));
        try (writer) {
            var exe = AnsibleWorkspace.resolveExecutable(executable);
            if (exe.isEmpty()) {
                writer.append(MISSING_ANSIBLE + " (looked for '" + executable + "')");
                finish(job, run, writer, JobStatus.FAILED, null, MISSING_ANSIBLE, null);
                return;
            }
            var refusal = sandbox.refusal(exe.get());
            if (refusal.isPresent()) {
                writer.append("[console] " + refusal.get());
                finish(job, run, writer, JobStatus.FAILED, null, refusal.get(), null);
                return;
            }
            if (playbook == null || targets.size() != job.getTargets().size()) {
                var msg = playbook == null
                        ? (version == null
                                ? "The playbook was deleted"
                                : "Version " + version + " of the playbook no longer exists")
                        : "A target server was deleted";
                writer.append(msg);
                finish(job, run, writer, JobStatus.FAILED, null, msg, null);
                return;
            }
            RunCredentials credentials;
            try {
                credentials = RunCredentials.unlock(job, targets, unlocker);
            } catch (IllegalStateException | IllegalArgumentException e) {
                writer.append("[console] " + e.getMessage());
                finish(job, run, writer, JobStatus.FAILED, null, e.getMessage(), null);
                return;
            }
            try (var ws = AnsibleWorkspace.create(playbook.content(), targets, job.getExtraVars())) {
                ws.writeSecrets(credentials, targets);
                var cmd = ws.command(exe.get().toString(), job.isCheckMode(), job.getVerbosity());
                writer.append("$ " + String.join(" ", cmd) + "   # " + targets.size() + " host(s), playbook "
                        + playbook.name() + (version == null ? "" : ", version " + version) + credentials.describe()
                        + ", " + sandbox.describe());
                runProcess(job, run, sandbox.processBuilder(ws, cmd), writer, credentials.mask());
            }
        } catch (IOException e) {
            finish(
                    job,
                    run,
                    writer,
                    JobStatus.FAILED,
                    null,
                    "Could not start ansible-playbook: " + e.getMessage(),
                    null);
        }
    }

    private void runProcess(Job job, Run run, ProcessBuilder pb, JobLogWriter writer, SecretMask mask)
            throws IOException {
        var recap = new PlayRecap();
        var timeout =
                job.getTimeoutSeconds() != null ? Duration.ofSeconds(job.getTimeoutSeconds()) : props.defaultTimeout();
        var mark = new RunMark(job.getJobUuid());
        mark.apply(pb);
        var process = pb.start();
        try {
            var reader = readOutput(job.getId(), process, recap, writer, mask);
            watch(job, run, process, timeout);
            joinQuietly(reader);
        } finally {
            // Whatever happened above, nothing of this run outlives it: the workspace is deleted next.
            killTree(process);
            mark.stopAll();
        }
        Integer exit = process.isAlive() ? null : process.exitValue();
        switch (run.stop) {
            case NONE ->
                finish(
                        job,
                        run,
                        writer,
                        exit != null && exit == 0 ? JobStatus.SUCCESS : JobStatus.FAILED,
                        exit,
                        exit != null && exit == 0 ? null : "ansible-playbook exited with code " + exit + explain(exit),
                        recap.toJson());
            case CANCEL -> {
                writer.append("[console] Cancelled: the ansible-playbook process tree was stopped.");
                finish(job, run, writer, JobStatus.CANCELLED, exit, "Cancelled", recap.toJson());
            }
            case TIMEOUT -> {
                writer.append("[console] Timed out after " + timeout.toSeconds() + " s: the process tree was stopped.");
                finish(
                        job,
                        run,
                        writer,
                        JobStatus.TIMED_OUT,
                        exit,
                        "Timed out after " + timeout.toSeconds() + " s",
                        recap.toJson());
            }
            case NO_DATABASE -> {
                var msg = "Stopped: no heartbeat reached the database for "
                        + props.nodeLostAfter().toSeconds()
                        + " s, so the process tree was stopped rather than run untracked";
                writer.append("[console] " + msg + ".");
                finish(job, run, writer, JobStatus.FAILED, exit, msg, recap.toJson());
            }
            case SHUTDOWN ->
                finish(
                        job,
                        run,
                        writer,
                        JobStatus.FAILED,
                        exit,
                        "Console node " + nodeId + " shut down while the job was running",
                        recap.toJson());
            case LOST, CRASH -> {} // Another node (the sweeper) already decided, or this node "died".
        }
    }

    /**
     * Reads the output until it ends. Nothing a line contains may stop it: a reader that stops
     * leaves the pipe full and ansible-playbook blocked until its timeout.
     */
    private Thread readOutput(long jobId, Process process, PlayRecap recap, JobLogWriter writer, SecretMask mask) {
        return Thread.ofPlatform().name("job-out-" + jobId).daemon().start(() -> {
            var warned = false;
            try (var in = process.getInputStream()) {
                var lines = new OutputLines(in);
                String line;
                while ((line = lines.next()) != null) {
                    try {
                        // Masked before anything stores or shows it: the log, live watchers, the recap.
                        var clean = mask.apply(ANSI.matcher(line).replaceAll(""));
                        writer.append(clean);
                        recap.accept(clean);
                    } catch (RuntimeException e) {
                        if (!warned) {
                            warned = true;
                            log.warn("Job {}: an output line could not be processed, reading on", jobId, e);
                        }
                    }
                }
            } catch (IOException e) {
                // The stream closes when the process is killed.
            }
        });
    }

    /**
     * Waits for the process, heartbeating, and stops it on cancel, timeout, shutdown, loss of the
     * job, or loss of the database. The heartbeat runs on its own thread: a database that hangs
     * (or refuses) must not keep this loop from noticing that too long passed without a heartbeat,
     * which is when the sweepers of other nodes may declare the job lost.
     */
    private void watch(Job job, Run run, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = props.heartbeatInterval().toNanos();
        long nextBeat = System.nanoTime() + interval;
        long lastBeat = System.nanoTime(); // the claim wrote one
        long beatSent = 0;
        CompletableFuture<JobStateStore.Beat> beat = null;
        try {
            while (!process.waitFor(SLICE_MS, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (now >= deadline && run.stop == Stop.NONE) {
                    run.stop = Stop.TIMEOUT;
                }
                if (beat != null && beat.isDone()) {
                    try {
                        var b = beat.join();
                        lastBeat = beatSent;
                        if (run.stop == Stop.NONE) {
                            run.stop = b == JobStateStore.Beat.CANCEL
                                    ? Stop.CANCEL
                                    : b == JobStateStore.Beat.LOST ? Stop.LOST : Stop.NONE;
                        }
                    } catch (CompletionException | CancellationException e) {
                        log.warn("Job {}: heartbeat failed: {}", job.getId(), String.valueOf(e.getCause()));
                    }
                    beat = null;
                }
                if (beat == null && now >= nextBeat && run.stop == Stop.NONE) {
                    nextBeat = now + interval;
                    beatSent = now;
                    beat = CompletableFuture.supplyAsync(() -> state.heartbeat(job.getId(), nodeId), heartbeats);
                }
                if (run.stop == Stop.NONE
                        && now - lastBeat > props.nodeLostAfter().toNanos()) {
                    log.error(
                            "Job {}: no heartbeat for {} s, stopping its process tree",
                            job.getId(),
                            props.nodeLostAfter().toSeconds());
                    run.stop = Stop.NO_DATABASE;
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
    }

    /** Stores every line first: whoever sees the final status can read the whole log. */
    private void finish(
            Job job, Run run, JobLogWriter writer, JobStatus status, Integer exit, String message, String recap) {
        writer.close();
        record(job.getId(), run, status, exit, message, recap);
    }

    /**
     * Writes the final status, retrying with back-off while the database refuses: the process is
     * gone by now, and its outcome must not be. Gives up only when this node stops (it then fails
     * the job as left running when it starts again; other nodes fail it as lost).
     */
    private void record(long jobId, Run run, JobStatus status, Integer exit, String message, String recap) {
        long delay = FIRST_RETRY_MS;
        while (run.stop != Stop.CRASH) {
            try {
                state.finish(jobId, nodeId, status, exit, message, recap);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    log.error(
                            "Job {} ended {} but the database refused it and this node is stopping: {}",
                            jobId,
                            status.dbValue(),
                            e.toString());
                    return;
                }
                log.warn(
                        "Job {} ended {}; storing that failed, retrying in {} ms: {}",
                        jobId,
                        status.dbValue(),
                        delay,
                        e.toString());
            }
            long until = System.currentTimeMillis() + delay;
            while (System.currentTimeMillis() < until && !stopping) {
                try {
                    Thread.sleep(Math.min(SLICE_MS, Math.max(1, until - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            delay = Math.min(delay * 2, MAX_RETRY_MS);
        }
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

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
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
        stopping = true;
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
        heartbeats.shutdownNow();
    }

    /** Test support: behave like a node that died (processes killed, no status written, no heartbeat). */
    void simulateCrash() {
        active.values().forEach(r -> r.stop = Stop.CRASH);
    }
}
