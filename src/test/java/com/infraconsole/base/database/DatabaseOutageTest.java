package com.infraconsole.base.database;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditService;
import com.infraconsole.base.DatabaseUnavailable;
import com.infraconsole.job.JobService;
import com.infraconsole.job.JobStatus;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.job.StrandedJobs;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.user.User;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;

/**
 * The database fails under load: people save servers, tickets and playbooks, others log in, jobs
 * run. First the server freezes (it answers nothing, as when its host hangs or packets are
 * dropped), then it stops, then it starts again. Nobody waits forever, nothing that was reported
 * saved is lost, nothing is half-written, the audit chain still verifies, and the console works
 * again without a restart.
 */
class DatabaseOutageTest extends KaribuTest {

    private static final String JOB_PLAYBOOK = "- hosts: all\n  gather_facts: false\n  tasks:\n    - shell: sleep 1\n";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    ServerService servers;

    @Autowired
    TicketService tickets;

    @Autowired
    PlaybookService playbooks;

    @Autowired
    JobService jobs;

    @Autowired
    AuditService audit;

    @Autowired
    TestUsers users;

    @Autowired
    AuthenticationConfiguration authConfig;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.core.env.Environment env;

    enum Kind {
        SERVER,
        TICKET,
        PLAYBOOK,
        LOGIN,
        JOB
    }

    /** One thing a virtual user tried, and how it ended: an id, or what it threw. */
    record Attempt(Kind kind, String name, long startNanos, long endNanos, Long id, Throwable error) {
        boolean overlaps(long from, long to) {
            return startNanos < to && endNanos > from;
        }
    }

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<Thread, Long> inFlight = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    @Test
    void a_frozen_then_stopped_database_under_load_loses_nothing_half_writes_nothing_and_the_console_recovers()
            throws Exception {
        var operator = users.create(Role.OPERATOR);
        var loginUser = users.create(Role.OPERATOR);
        var auditor = users.create(Role.AUDITOR);
        var environment = as(operator, () -> servers.environments().getFirst());
        var localhost = as(
                operator,
                () -> servers.save(server("outage-local-" + SEQ.incrementAndGet(), "127.0.0.1", environment))
                        .getId());
        var jobPlaybook = as(
                operator,
                () -> playbooks
                        .save(playbook("outage-job-" + SEQ.incrementAndGet()))
                        .getId());
        long maxWait = maxWaitMillis();

        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 3; i++) {
            var saver = users.create(Role.OPERATOR);
            int first = i;
            threads.add(start("saver-" + i, () -> {
                TestUsers.signIn(saver);
                int n = first;
                while (running) {
                    var kind = Kind.values()[n++ % 3];
                    var name = "outage-" + kind.name().toLowerCase() + "-" + SEQ.incrementAndGet();
                    attempt(kind, name, () -> save(kind, name, environment));
                    pause(40);
                }
            }));
        }
        var manager = authConfig.getAuthenticationManager();
        threads.add(start("login", () -> {
            while (running) {
                attempt(Kind.LOGIN, loginUser.getUsername(), () -> login(manager, loginUser));
                pause(150);
            }
        }));
        threads.add(start("jobs", () -> {
            TestUsers.signIn(operator);
            while (running) {
                attempt(Kind.JOB, "job", () -> jobs.launch(LaunchRequest.of(jobPlaybook, List.of(localhost))));
                pause(3000);
            }
        }));

        // A person fills in a new server on the Servers screen, and saves it while the database is frozen.
        signInAs(operator);
        UI.getCurrent().navigate("servers");
        _click(_get(Button.class, spec -> spec.withText("New server")));
        var dialog = _get(Dialog.class);
        var uiHostname = "outage-ui-" + SEQ.incrementAndGet();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Hostname")), uiHostname);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("IP address")), "10.78.0.1");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("SSH user")), "root");
        @SuppressWarnings("unchecked")
        ComboBox<Environment> environments = _get(dialog, ComboBox.class, spec -> spec.withLabel("Environment"));
        environments.setValue(environments.getListDataView().getItem(0));

        pause(2500);
        long outageStart = System.nanoTime();
        long oldestCall;
        try (var frozen = EmbeddedOutage.freeze()) {
            _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
            pause(Math.max(0, maxWait + 2000 - (System.nanoTime() - outageStart) / 1_000_000));
            oldestCall = inFlight.values().stream()
                            .mapToLong(s -> System.nanoTime() - s)
                            .max()
                            .orElse(0)
                    / 1_000_000;
        }
        var uiError =
                _get(dialog, Span.class, spec -> spec.withClasses("form-error")).getText();
        assertThat(dialog.isOpened()).as("the dialog stays open with the input").isTrue();
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Hostname"))
                        .getValue())
                .isEqualTo(uiHostname);
        EmbeddedOutage.stopFor(Duration.ofSeconds(3));
        long restarted = System.nanoTime();
        long recovered = awaitFirstSaveAfter(restarted, maxWait * 3);
        pause(1000);
        running = false;
        for (var t : threads) {
            t.join(maxWait * 2);
        }
        long outageEnd = restarted;

        var during = attempts.stream()
                .filter(a -> a.overlaps(outageStart, outageEnd))
                .toList();
        var saves = List.copyOf(attempts).stream()
                .filter(a -> a.kind().ordinal() <= Kind.PLAYBOOK.ordinal())
                .toList();
        var savesDuring = during.stream()
                .filter(a -> a.kind().ordinal() <= Kind.PLAYBOOK.ordinal())
                .toList();
        var loginsDuring = during.stream().filter(a -> a.kind() == Kind.LOGIN).toList();
        var lost = saves.stream().filter(a -> a.error() == null && !stored(a)).toList();
        var refusedButStored =
                saves.stream().filter(a -> a.error() != null && stored(a)).toList();
        var unclear = attempts.stream()
                .filter(a -> a.error() != null && !refusedClearly(a))
                .toList();
        System.out.printf(
                """
                Database outage (frozen %d ms, then stopped 3000 ms):
                  saves attempted during the outage: %d, refused: %d, lost: %d, refused but committed: %d
                  logins attempted during the outage: %d, refused: %d
                  jobs launched during the outage: %d, refused: %d
                  oldest call in flight when the freeze ended: %d ms (allowed %d ms)
                  time to recover after the restart: %d ms
                  refusals by kind: %s
                  refused but committed: %s
                  the Servers screen said: %s
                """,
                maxWait + 2000,
                savesDuring.size(),
                savesDuring.stream().filter(a -> a.error() != null).count(),
                lost.size(),
                refusedButStored.size(),
                loginsDuring.size(),
                loginsDuring.stream().filter(a -> a.error() != null).count(),
                during.stream().filter(a -> a.kind() == Kind.JOB).count(),
                during.stream()
                        .filter(a -> a.kind() == Kind.JOB && a.error() != null)
                        .count(),
                oldestCall,
                maxWait,
                (recovered - restarted) / 1_000_000,
                refusalsByType(),
                refusedButStored.stream()
                        .map(a -> a.kind() + " " + describe(a.error()))
                        .toList(),
                uiError);

        var soft = new SoftAssertions();
        soft.assertThat(threads)
                .as("virtual users still waiting on the database")
                .noneMatch(Thread::isAlive);
        soft.assertThat(oldestCall)
                .as("a call waited on the frozen database longer than the configured timeouts allow")
                .isLessThanOrEqualTo(maxWait);
        soft.assertThat(savesDuring).as("saves attempted during the outage").isNotEmpty();
        soft.assertThat(lost)
                .as("saves reported successful but missing afterwards")
                .isEmpty();
        soft.assertThat(unclear.stream()
                        .map(a -> a.kind() + ": " + describe(a.error()))
                        .toList())
                .as("refusals that a person would not understand")
                .isEmpty();
        soft.assertThat(refusedButStored.stream()
                        .filter(a -> !DatabaseUnavailable.commitOutcomeUnknown(a.error()))
                        .map(a -> a.kind() + ": " + describe(a.error()))
                        .toList())
                .as("saves committed although the person was told that nothing was saved")
                .isEmpty();
        boolean uiSaved =
                jdbc.queryForObject("SELECT COUNT(*) FROM servers WHERE hostname = ?", Long.class, uiHostname) > 0;
        soft.assertThat(uiError)
                .as("what the Servers screen said about the save")
                .isEqualTo(uiSaved ? DatabaseUnavailable.OUTCOME_UNKNOWN_MESSAGE : DatabaseUnavailable.MESSAGE);
        soft.assertAll();
        assertNoHalfWrites();

        // The console works again, without a restart: a save, a login and a new job.
        assertThat(attempts)
                .as("saves that succeeded after the restart")
                .anyMatch(a -> a.error() == null && a.startNanos() > restarted && a.kind() != Kind.LOGIN);
        assertThat(login(manager, loginUser).isAuthenticated()).isTrue();
        long job = as(operator, () -> jobs.launch(LaunchRequest.of(jobPlaybook, List.of(localhost))));
        assertThat(awaitEnd(operator, job)).isEqualTo(JobStatus.SUCCESS);
        // A job whose start (its claim) failed during the outage stays pending without a trigger; the
        // sweep queues it again (in production every 30 s, for jobs pending over 2 min).
        int requeued = 0;
        for (var launched : attempts.stream()
                .filter(a -> a.kind() == Kind.JOB && a.id() != null)
                .toList()) {
            requeued += StrandedJobs.requeue(ctx, launched.id()) ? 1 : 0;
            assertThat(awaitEnd(operator, launched.id()))
                    .as("job %d ends", launched.id())
                    .isNotNull();
        }
        System.out.printf(
                "  jobs launched: %d, queued again by the sweep after the outage: %d%n",
                attempts.stream()
                        .filter(a -> a.kind() == Kind.JOB && a.id() != null)
                        .count(),
                requeued);
        var verified = as(auditor, () -> audit.verify(n -> {}));
        assertThat(verified.intact()).as(verified.message()).isTrue();
    }

    /** Every row the test created has its CREATE audit row, and every such audit row its entity. */
    private void assertNoHalfWrites() {
        for (var table : List.of("servers:hostname:Server", "tickets:title:Ticket", "playbooks:name:Playbook")) {
            var t = table.split(":");
            var withoutAudit = jdbc.queryForList(
                    "SELECT id FROM " + t[0] + " WHERE " + t[1] + " LIKE 'outage-%' AND id NOT IN "
                            + "(SELECT CAST(entity_id AS UNSIGNED) FROM audit_logs WHERE entity_type = ? AND action = 'CREATE')",
                    Long.class,
                    t[2]);
            assertThat(withoutAudit).as("%s rows without their audit row", t[0]).isEmpty();
        }
        var auditWithoutRow = jdbc.queryForList("""
                SELECT a.seq FROM audit_logs a WHERE a.action = 'CREATE' AND (
                  (a.entity_type = 'Server' AND NOT EXISTS (SELECT 1 FROM servers s WHERE s.id = a.entity_id)) OR
                  (a.entity_type = 'Ticket' AND NOT EXISTS (SELECT 1 FROM tickets s WHERE s.id = a.entity_id)) OR
                  (a.entity_type = 'Playbook' AND NOT EXISTS (SELECT 1 FROM playbooks s WHERE s.id = a.entity_id)))
                  AND a.changes LIKE '%outage-%'""", Long.class);
        assertThat(auditWithoutRow)
                .as("audit rows of creations that are not in the database")
                .isEmpty();
    }

    private boolean stored(Attempt a) {
        var column = switch (a.kind()) {
            case SERVER -> "servers WHERE hostname";
            case TICKET -> "tickets WHERE title";
            case PLAYBOOK -> "playbooks WHERE name";
            default -> throw new IllegalArgumentException(a.kind().name());
        };
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + column + " = ?", Long.class, a.name()) > 0;
    }

    /** A refused save must say the database is unreachable; a refused login must be a login failure. */
    private static boolean refusedClearly(Attempt a) {
        if (a.kind() == Kind.LOGIN) {
            return a.error() instanceof AuthenticationException;
        }
        return DatabaseUnavailable.isCause(a.error());
    }

    private String refusalsByType() {
        return attempts.stream()
                .filter(a -> a.error() != null)
                .collect(Collectors.groupingBy(a -> a.kind() + ":" + chain(a.error()), Collectors.counting()))
                .toString();
    }

    private static String describe(Throwable t) {
        var parts = new ArrayList<String>();
        for (var c = t; c != null && parts.size() < 6; c = c.getCause() == c ? null : c.getCause()) {
            parts.add(c.getClass().getName()
                    + (c instanceof java.sql.SQLException sql ? "[" + sql.getSQLState() + "]" : "") + ": "
                    + c.getMessage());
        }
        return String.join(" <- ", parts);
    }

    private static String chain(Throwable t) {
        var names = new ArrayList<String>();
        for (var c = t; c != null && names.size() < 4; c = c.getCause() == c ? null : c.getCause()) {
            names.add(c.getClass().getSimpleName());
        }
        return String.join("<", names);
    }

    private Long save(Kind kind, String name, Environment environment) {
        return switch (kind) {
            case SERVER ->
                servers.save(server(name, "10.77." + SEQ.get() % 250 + "." + (SEQ.get() / 250 % 250 + 1), environment))
                        .getId();
            case TICKET -> {
                var ticket = new Ticket();
                ticket.setTitle(name);
                ticket.setPriority(TicketPriority.MEDIUM);
                yield tickets.save(ticket).getId();
            }
            case PLAYBOOK -> playbooks.save(playbook(name)).getId();
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Server server(String hostname, String ip, Environment environment) {
        var s = new Server();
        s.setHostname(hostname);
        s.setIpAddress(ip);
        s.setSshUser("root");
        s.setEnvironment(environment);
        return s;
    }

    private static Playbook playbook(String name) {
        var p = new Playbook();
        p.setName(name);
        p.setContent(JOB_PLAYBOOK);
        return p;
    }

    private static org.springframework.security.core.Authentication login(AuthenticationManager manager, User user) {
        return manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), TestUsers.PASSWORD));
    }

    private void attempt(Kind kind, String name, java.util.concurrent.Callable<?> call) {
        long start = System.nanoTime();
        inFlight.put(Thread.currentThread(), start);
        Long id = null;
        Throwable error = null;
        try {
            var result = call.call();
            id = result instanceof Long l ? l : null;
        } catch (Throwable t) {
            error = t;
        } finally {
            inFlight.remove(Thread.currentThread());
        }
        attempts.add(new Attempt(kind, name, start, System.nanoTime(), id, error));
    }

    private long awaitFirstSaveAfter(long since, long timeoutMillis) {
        long until = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < until) {
            var first = attempts.stream()
                    .filter(a -> a.error() == null
                            && a.startNanos() > since
                            && a.kind().ordinal() <= Kind.PLAYBOOK.ordinal())
                    .mapToLong(Attempt::endNanos)
                    .min();
            if (first.isPresent()) {
                return first.getAsLong();
            }
            pause(50);
        }
        throw new AssertionError("no save succeeded within " + timeoutMillis + " ms of the restart");
    }

    private JobStatus awaitEnd(User user, long jobId) {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JobStatus status = null;
        while (System.nanoTime() < until) {
            status = as(user, () -> jobs.get(jobId).orElseThrow().job().getStatus());
            if (status.isFinished()) {
                return status;
            }
            pause(200);
        }
        throw new AssertionError("job " + jobId + " still " + status);
    }

    /**
     * How long one call may wait on a database that answers nothing: a connection from the pool
     * (its connection timeout) and one statement (the driver's socket timeout).
     */
    private long maxWaitMillis() {
        long connection = env.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 30_000L);
        var socket = env.getProperty("infra.database.socket-timeout", Duration.class, Duration.ofSeconds(8));
        return connection + socket.toMillis() + 1000;
    }

    private static <T> T as(User user, java.util.concurrent.Callable<T> call) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        TestUsers.signIn(user);
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private static Thread start(String name, Runnable body) {
        var thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } finally {
                        TestUsers.signOut();
                    }
                },
                "outage-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
