package com.infraconsole.job;

import static org.assertj.core.api.Assertions.fail;

import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Playbooks and localhost servers for job tests, created with unique names. */
@Component
class JobFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcClient jdbc;
    private final ServerService servers;
    private final JobService jobs;
    private final PlaybookService playbooks;

    JobFixtures(JdbcClient jdbc, ServerService servers, JobService jobs, PlaybookService playbooks) {
        this.jdbc = jdbc;
        this.servers = servers;
        this.jobs = jobs;
        this.playbooks = playbooks;
    }

    /** A playbook row (the playbook feature's service is not needed for this). */
    long playbook(String content) {
        var name = "job-test-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        jdbc.sql("INSERT INTO playbooks (name, content, updated_by) VALUES (?, ?, 'test')")
                .params(name, content)
                .update();
        return jdbc.sql("SELECT id FROM playbooks WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    String playbookName(long playbookId) {
        return jdbc.sql("SELECT name FROM playbooks WHERE id = ?")
                .param(playbookId)
                .query(String.class)
                .single();
    }

    /** A playbook of tasks run on all hosts without gathering facts. */
    long tasks(String tasksYaml) {
        return playbook(tasksYaml(tasksYaml));
    }

    String tasksYaml(String tasksYaml) {
        return "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasksYaml.indent(4);
    }

    /** Saves new content through the playbook service, as the signed-in user: the history gets a version. */
    void editPlaybook(long playbookId, String content) {
        var playbook = playbooks.get(playbookId).orElseThrow();
        playbook.setContent(content);
        playbooks.save(playbook);
    }

    /** A server reached with the local connection (IP 127.0.0.1), created by the signed-in user. */
    long localServer() {
        {
            var s = new Server();
            s.setHostname("jobhost-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet());
            s.setIpAddress("127.0.0.1");
            s.setSshUser("root");
            s.setEnvironment(servers.environments().getFirst());
            return servers.save(s).getId();
        }
    }

    /** Waits until the job has ended and returns it. */
    JobDetails awaitEnd(long jobId, Duration timeout) {
        return awaitStatus(jobId, timeout, null);
    }

    JobDetails awaitStatus(long jobId, Duration timeout, JobStatus wanted) {
        long until = System.nanoTime() + timeout.toNanos();
        JobDetails last = null;
        while (System.nanoTime() < until) {
            last = SystemAuthentication.call(() -> jobs.get(jobId)).orElseThrow();
            var status = last.job().getStatus();
            if (wanted == null ? status.isFinished() : status == wanted) {
                return last;
            }
            sleep(100);
        }
        return fail(
                "Job %d still %s after %s",
                jobId, last == null ? "?" : last.job().getStatus(), timeout);
    }

    String log(long jobId) {
        return String.join(
                "\n",
                jdbc.sql("SELECT content FROM job_logs WHERE job_id = ? ORDER BY line_number")
                        .param(jobId)
                        .query(String.class)
                        .list());
    }

    long ticketsFor(long jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE job_id = ? AND status = 'open'")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
