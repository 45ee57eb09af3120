package com.infraconsole.api;

import com.infraconsole.TestUsers;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.ApiTokenService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Prints, and asserts nothing about: launch-to-first-log-line latency through the API (real
 * ansible on localhost), and requests per second for job status polling with one token.
 * Not part of the suite (no *Test name); run it with {@code ./mvnw test -Dtest=ApiBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
class ApiBenchmark {

    static final int LAUNCHES = 5;
    static final int POLLS = 3_000;
    static final int POLLERS = 4;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ServerService servers;

    @Autowired
    PlaybookService playbooks;

    @Test
    void launch_latency_and_status_polling() throws Exception {
        users.signIn(Role.OPERATOR);
        var token = tokens.create("bench", 1, false).token();
        var playbook = playbooks.save(new Playbook(
                "bench-" + System.nanoTime(),
                null,
                "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug:\n        msg: bench\n"));
        var server = new Server();
        server.setHostname("bench-" + System.nanoTime() % 1_000_000);
        server.setIpAddress("127.0.0.1");
        server.setSshUser("root");
        server.setEnvironment(servers.environments().getFirst());
        var serverId = servers.save(server).getId();
        TestUsers.signOut();

        var http = HttpClient.newHttpClient();
        var base = "http://127.0.0.1:" + port + "/api/v1";
        var latencies = new ArrayList<Long>();
        String lastJob = null;
        for (int i = 0; i < LAUNCHES; i++) {
            long start = System.nanoTime();
            var launched = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/jobs"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"playbookId\":" + playbook.getId()
                                            + ",\"serverIds\":[" + serverId + "]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var m = Pattern.compile("\"id\":(\\d+)").matcher(launched);
            m.find();
            lastJob = m.group(1);
            while (true) {
                var log = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/jobs/" + lastJob + "/log?from=1&limit=1"))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (log.contains("\"line\":1")) {
                    break;
                }
                Thread.sleep(20);
            }
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(latencies);
        System.out.printf(
                "launch to first log line through the API: median %d ms, min %d ms, max %d ms (%d launches)%n",
                latencies.get(latencies.size() / 2), latencies.getFirst(), latencies.getLast(), LAUNCHES);

        var job = lastJob;
        var done = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(POLLERS)) {
            for (int t = 0; t < POLLERS; t++) {
                pool.submit(() -> {
                    while (done.incrementAndGet() <= POLLS) {
                        http.send(
                                HttpRequest.newBuilder(URI.create(base + "/jobs/" + job))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "job status polling: %d requests in %.1f s = %.0f requests/s (%d clients, one token)%n",
                POLLS, seconds, POLLS / seconds, POLLERS);
    }
}
