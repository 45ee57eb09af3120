package com.infraconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditChainBroken;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.security.Role;
import com.infraconsole.user.AccountLockedEvent;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications end to end: real jobs (real ansible) finishing, rows queued after commit, the
 * worker sending to GreenMail's SMTP and to an HTTP receiver in this test, with retries.
 */
@IntegrationTest
class NotificationDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    record Received(String path, Map<String, String> headers, String body) {}

    @Autowired
    NotificationService notifications;

    @Autowired
    JobService jobs;

    @Autowired
    TestUsers testUsers;

    @Autowired
    NotificationFixtures fx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    com.infraconsole.ticket.TicketService tickets;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final CountDownLatch hangEntered = new CountDownLatch(1);
    final CountDownLatch releaseHang = new CountDownLatch(1);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            received.add(new Received(path, headers, body));
            int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = 200;
            if (path.startsWith("/flaky") && n <= 2) {
                status = 500;
            } else if (path.startsWith("/gone")) {
                status = 404;
            } else if (path.startsWith("/hang")) {
                hangEntered.countDown();
                try {
                    releaseHang.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        releaseHang.countDown();
        receiver.stop(0);
        // Rules of this test must not catch the jobs of later tests in this JVM.
        jdbc.sql("UPDATE notification_rules SET enabled = FALSE").update();
        TestUsers.signOut();
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    NotificationService.CreatedRule rule(NotificationEvent event, NotificationChannel channel, String destination) {
        return notifications.create(
                new NotificationService.NewRule("rule-" + UUID.randomUUID(), event, channel, destination));
    }

    long launch(String tasks) {
        var playbook = fx.playbook(tasks);
        var server = fx.localServer();
        return jobs.launch(LaunchRequest.of(playbook, List.of(server)));
    }

    List<Map<String, Object>> deliveriesOf(long jobId) {
        return jdbc.sql("SELECT channel, status, attempts, last_error FROM notification_deliveries WHERE payload LIKE ?"
                        + " ORDER BY id")
                .param("%\"jobId\":" + jobId + ",%")
                .query()
                .listOfRows();
    }

    void await(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void a_succeeded_job_reaches_every_webhook_shape_retries_500s_and_a_hanging_endpoint_delays_nothing()
            throws Exception {
        testUsers.signIn(Role.ADMIN);
        var generic =
                rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.WEBHOOK, url("/generic?token=s3cr3t-token"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.SLACK, url("/slack/T000/B000/XXXX"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.MATTERMOST, url("/mattermost/hooks/abc"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.TEAMS, url("/teams/workflow"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.SLACK, url("/flaky"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.SLACK, url("/hang"));
        rule(NotificationEvent.JOB_SUCCEEDED, NotificationChannel.SLACK, url("/gone"));
        assertThat(generic.signingSecret()).hasSize(64);
        assertThat(generic.rule().getDestinationHint()).isEqualTo(url("/…")).doesNotContain("s3cr3t");

        long started = System.nanoTime();
        long jobId = launch("- debug:\n    msg: fine");
        assertThat(fx.awaitEnd(jobId, Duration.ofSeconds(60))).isEqualTo("success");
        long jobMillis = (System.nanoTime() - started) / 1_000_000;
        // The hanging endpoint holds its request for 20 s; the job ended without waiting on it.
        await(() -> hangEntered.getCount() == 0, Duration.ofSeconds(20), "the hanging endpoint to be called");
        await(
                () -> deliveriesOf(jobId).stream()
                                .filter(r -> r.get("status").equals("sent"))
                                .count()
                        == 5,
                Duration.ofSeconds(30),
                "five sent deliveries");
        System.out.printf(
                "notify: job %d launched-to-finished %d ms with a hanging endpoint configured%n", jobId, jobMillis);

        var bodies = new java.util.HashMap<String, Received>();
        received.stream()
                .filter(r -> r.body().contains("\"jobId\":" + jobId) || r.body().contains("Job " + jobId + " "))
                .forEach(r -> bodies.put(r.path().split("/")[1], r));
        var json = JsonMapper.builder().build();
        var g = bodies.get("generic");
        var tree = json.readTree(g.body());
        assertThat(tree.path("event").asString()).isEqualTo("job.succeeded");
        assertThat(tree.path("data").path("jobId").asLong()).isEqualTo(jobId);
        assertThat(g.headers())
                .containsEntry("x-infra-event", "job.succeeded")
                .containsEntry(
                        "x-infra-signature-256",
                        HookSignature.sign(generic.signingSecret(), g.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(json.readTree(bodies.get("slack").body()).path("text").asString())
                .startsWith("*Job " + jobId);
        var mm = json.readTree(bodies.get("mattermost").body());
        assertThat(mm.path("text").asString()).startsWith("#### Job " + jobId);
        assertThat(mm.path("username").asString()).isEqualTo("Infra Console");
        var teams = json.readTree(bodies.get("teams").body());
        assertThat(teams.path("type").asString()).isEqualTo("message");
        assertThat(teams.path("attachments").get(0).path("contentType").asString())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(teams.path("attachments")
                        .get(0)
                        .path("content")
                        .path("body")
                        .get(0)
                        .path("text")
                        .asString())
                .startsWith("Job " + jobId);

        await(
                () -> hits.getOrDefault("/flaky", new AtomicInteger()).get() >= 3,
                Duration.ofSeconds(20),
                "three flaky attempts");
        var rows = jdbc.sql(
                        "SELECT d.status, d.attempts, d.last_error, r.destination_hint FROM notification_deliveries d"
                                + " JOIN notification_rules r ON r.id = d.rule_id WHERE d.payload LIKE ?")
                .param("%\"jobId\":" + jobId + ",%")
                .query()
                .listOfRows();
        await(
                () -> jdbc.sql(
                                        "SELECT COUNT(*) FROM notification_deliveries WHERE payload LIKE ? AND status = 'failed'")
                                .param("%\"jobId\":" + jobId + ",%")
                                .query(Long.class)
                                .single()
                        == 1,
                Duration.ofSeconds(10),
                "the 404 to fail");
        assertThat(jdbc.sql(
                                "SELECT attempts, last_error FROM notification_deliveries d JOIN notification_rules r ON r.id = d.rule_id"
                                        + " WHERE d.payload LIKE ? AND r.destination_hint = ? AND d.status = 'failed'")
                        .params("%\"jobId\":" + jobId + ",%", url("/…"))
                        .query()
                        .listOfRows())
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("attempts", 1).containsEntry("last_error", "HTTP 404"));
        assertThat(hits.get("/flaky").get()).isEqualTo(3);
        assertThat(rows).hasSize(7);
        assertThat(jobMillis).as("the job does not wait on any endpoint").isLessThan(15_000);
        // The hanging call is cut off by the client's timeout and retried, not left waiting.
        await(
                () -> jdbc.sql(
                                        "SELECT COUNT(*) FROM notification_deliveries WHERE payload LIKE ? AND last_error LIKE 'No answer within%'")
                                .param("%\"jobId\":" + jobId + ",%")
                                .query(Long.class)
                                .single()
                        == 1,
                Duration.ofSeconds(10),
                "the timeout");
        var page = notifications.deliveries(org.springframework.data.domain.PageRequest.of(0, 50));
        assertThat(page)
                .extracting(Delivery::subject)
                .contains("Job " + jobId + " ("
                        + jdbc.sql("SELECT p.name FROM jobs j JOIN playbooks p ON p.id = j.playbook_id WHERE j.id = ?")
                                .param(jobId)
                                .query(String.class)
                                .single()
                        + ") succeeded");
        assertThat(audit.since(0))
                .noneMatch(r -> String.valueOf(r.changes()).contains("s3cr3t")
                        || String.valueOf(r.changes()).contains(generic.signingSecret()));
    }

    @Test
    void a_failed_job_is_mailed_over_smtp_and_other_events_are_queued() throws Exception {
        testUsers.signIn(Role.ADMIN);
        rule(NotificationEvent.JOB_FAILED, NotificationChannel.EMAIL, "oncall@example.test, lead@example.test");
        rule(NotificationEvent.ACCOUNT_LOCKED, NotificationChannel.WEBHOOK, url("/locked"));
        rule(NotificationEvent.AUDIT_CHAIN_BROKEN, NotificationChannel.WEBHOOK, url("/chain"));
        rule(NotificationEvent.TICKET_ASSIGNED, NotificationChannel.MATTERMOST, url("/ticket"));
        var assignee = testUsers.create(Role.OPERATOR);
        var ticket = new com.infraconsole.ticket.Ticket(
                "Disk full on web-1 " + System.nanoTime(), com.infraconsole.ticket.TicketPriority.HIGH);
        ticket.setAssignee(assignee);
        var saved = tickets.save(ticket);
        await(() -> hits.containsKey("/ticket"), Duration.ofSeconds(20), "the ticket webhook");
        assertThat(received)
                .filteredOn(r -> r.path().equals("/ticket"))
                .last()
                .satisfies(r -> assertThat(r.body())
                        .contains("Ticket " + saved.getId() + " assigned to " + assignee.getUsername()));
        testUsers.signIn(Role.ADMIN);

        long jobId = launch("- fail:\n    msg: broken on purpose");
        assertThat(fx.awaitEnd(jobId, Duration.ofSeconds(60))).isEqualTo("failed");
        await(
                () -> deliveriesOf(jobId).stream()
                        .anyMatch(r -> !List.of("pending", "sending").contains(r.get("status"))),
                Duration.ofSeconds(30),
                "the email delivery to end");
        assertThat(deliveriesOf(jobId))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "sent"));
        assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
        var mails = smtp.getReceivedMessages();
        var mine = java.util.Arrays.stream(mails)
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("[Infra Console] Job " + jobId + " ");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.getFirst().getSubject()).endsWith("failed");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mine.getFirst()))
                .contains("exited with code 2");

        TestUsers.signOut();
        events.publishEvent(new AccountLockedEvent(42L, "mallory-target", Instant.parse("2030-01-01T00:00:00Z")));
        events.publishEvent(new AuditChainBroken(17, "ALTERED", "Chain broken at seq 17: row altered (hash differs)"));
        await(
                () -> hits.containsKey("/locked") && hits.containsKey("/chain"),
                Duration.ofSeconds(20),
                "locked and chain webhooks");
        assertThat(received)
                .filteredOn(r -> r.path().equals("/locked"))
                .last()
                .satisfies(r -> assertThat(r.body()).contains("\"event\":\"account.locked\"", "mallory-target"));
        assertThat(received)
                .filteredOn(r -> r.path().equals("/chain"))
                .last()
                .satisfies(
                        r -> assertThat(r.body()).contains("\"event\":\"audit.chain_broken\"", "\"firstBadSeq\":17"));
    }

    @Test
    void rules_are_for_admins_only_and_bad_input_names_its_field() {
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> notifications.create(
                        new NotificationService.NewRule("", null, NotificationChannel.EMAIL, "not an address")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("name", "event", "destination"));
        assertThatThrownBy(() -> notifications.create(new NotificationService.NewRule(
                        "x", NotificationEvent.JOB_FAILED, NotificationChannel.SLACK, "ftp://example.test/x")))
                .isInstanceOf(InvalidInputException.class);
        var created = rule(NotificationEvent.JOB_FAILED, NotificationChannel.SLACK, url("/x"));
        var disabled = notifications.setEnabled(created.rule(), false);
        assertThatThrownBy(() -> notifications.setEnabled(created.rule(), true))
                .isInstanceOf(com.infraconsole.base.StaleDataException.class);
        notifications.delete(disabled);
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            testUsers.signIn(role);
            assertThatThrownBy(() -> rule(NotificationEvent.JOB_FAILED, NotificationChannel.SLACK, url("/x")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notifications.deliveries(org.springframework.data.domain.PageRequest.of(0, 5)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        TestUsers.signOut();
        assertThatThrownBy(() -> notifications.countRules())
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
