package com.infraconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.TestUsers;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.ApiTokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a CI pipeline does, with the real curl against the console on its port: launch a playbook
 * with a token, follow the log as server-sent events until the job ends, read the final status.
 * The job runs the real ansible-playbook on localhost. Same context set-up as the browser tests,
 * so it shares their running console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
class CiPipelineTest {

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

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_pipeline_launches_follows_the_stream_and_reads_the_status_with_curl() throws Exception {
        users.signIn(Role.OPERATOR);
        var token = tokens.create("ci", 1, false).token();
        var playbook = playbooks.save(new Playbook(
                "ci-" + System.nanoTime(),
                null,
                "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug:\n        msg: hello from the pipeline\n"));
        var server = new Server();
        server.setHostname("ci-" + System.nanoTime() % 1_000_000);
        server.setIpAddress("127.0.0.1");
        server.setSshUser("root");
        server.setEnvironment(servers.environments().getFirst());
        var serverId = servers.save(server).getId();
        TestUsers.signOut();

        var base = "http://127.0.0.1:" + port + "/api/v1";
        var launched = curl(
                "-sS",
                "-f",
                "-X",
                "POST",
                "-H",
                "Authorization: Bearer " + token,
                "-H",
                "Content-Type: application/json",
                "--data",
                "{\"playbookId\":" + playbook.getId() + ",\"serverIds\":[" + serverId + "],\"verbosity\":0}",
                base + "/jobs");
        var matcher = Pattern.compile("\"id\":(\\d+)").matcher(launched);
        assertThat(matcher.find()).as(launched).isTrue();
        var jobId = matcher.group(1);

        // -N: no buffering; curl ends when the console closes the stream after the "end" event.
        var stream = curl(
                "-sS",
                "-N",
                "-f",
                "--max-time",
                "120",
                "-H",
                "Authorization: Bearer " + token,
                base + "/jobs/" + jobId + "/log/stream");
        assertThat(stream)
                .contains("event:line")
                .contains("hello from the pipeline")
                .contains("event:end");
        assertThat(stream.substring(stream.indexOf("event:end"))).contains("\"status\":\"success\"");

        var status = curl("-sS", "-f", "-H", "Authorization: Bearer " + token, base + "/jobs/" + jobId);
        assertThat(status).contains("\"status\":\"success\"").contains("\"exitCode\":0");
        var log = curl(
                "-sS", "-f", "-H", "Authorization: Bearer " + token, base + "/jobs/" + jobId + "/log?from=1&limit=3");
        assertThat(log).contains("\"line\":1").contains("\"next\":4");

        var refused = curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", base + "/jobs/" + jobId);
        assertThat(refused).isEqualTo("401");
    }

    private static String curl(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("curl"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + out)
                .isZero();
        return out;
    }
}
