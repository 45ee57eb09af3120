package com.infraconsole.notification;

import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A quick playbook and a localhost server for hook and notification tests, with unique names. */
@Component
class NotificationFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcClient jdbc;
    private final ServerService servers;

    NotificationFixtures(JdbcClient jdbc, ServerService servers) {
        this.jdbc = jdbc;
        this.servers = servers;
    }

    long playbook(String tasksYaml) {
        var name = "notify-test-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        var content = "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasksYaml.indent(4);
        jdbc.sql("INSERT INTO playbooks (name, content, updated_by) VALUES (?, ?, 'test')")
                .params(name, content)
                .update();
        return jdbc.sql("SELECT id FROM playbooks WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    long localServer() {
        return SystemAuthentication.call(() -> {
            var s = new Server();
            s.setHostname("notifyhost-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet());
            s.setIpAddress("127.0.0.1");
            s.setSshUser("root");
            s.setEnvironment(servers.environments().getFirst());
            return servers.save(s).getId();
        });
    }

    /** The job's status once it ended (waits up to the timeout). */
    String awaitEnd(long jobId, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        String status = null;
        while (System.nanoTime() < until) {
            status = jdbc.sql("SELECT status FROM jobs WHERE id = ?")
                    .param(jobId)
                    .query(String.class)
                    .single();
            if (!status.equals("pending") && !status.equals("running")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " still " + status + " after " + timeout);
    }

    Long launchedBy(long jobId) {
        return jdbc.sql("SELECT user_id FROM jobs WHERE id = ?")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    long jobCount() {
        return jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();
    }
}
