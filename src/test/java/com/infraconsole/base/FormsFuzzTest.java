package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.Fuzz;
import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.EnvironmentService;
import com.infraconsole.server.ImportFormat;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.server.ServerStatus;
import com.infraconsole.server.ServerTransferService;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.user.User;
import com.infraconsole.user.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every form's service on hostile input, on the real database: random, over-long, wrongly
 * encoded and control-character text, and near-twins of values already saved. Each attempt
 * either saves (with its audit rows) or is refused with field messages and leaves every table,
 * the audit trail included, as it was. Anything else (a database error, a 500) is a finding.
 */
@IntegrationTest
class FormsFuzzTest {

    private static final List<String> TABLES = List.of(
            "servers",
            "environments",
            "playbooks",
            "playbook_versions",
            "tickets",
            "ticket_comments",
            "users",
            "jobs",
            "job_schedules",
            "job_schedule_targets",
            "audit_logs");
    private static final String PLAYBOOK = "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hi\n";

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServerService servers;

    @Autowired
    EnvironmentService environments;

    @Autowired
    PlaybookService playbooks;

    @Autowired
    TicketService tickets;

    @Autowired
    UserService users;

    @Autowired
    JobService jobs;

    @Autowired
    JobScheduleService schedules;

    @Autowired
    ServerTransferService transfer;

    private final Fuzz fuzz = Fuzz.forTest("forms");
    private final List<String> findings = new ArrayList<>();
    private final Map<String, int[]> outcomes = new TreeMap<>(); // form -> {saved, refused}
    private final List<String> saved = new ArrayList<>(); // names already taken, for near-twins

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void hostile_input_to_every_form_is_saved_whole_or_refused_with_a_message_and_nothing_written() throws Exception {
        var admin = testUsers.signIn(Role.ADMIN);
        var env = servers.environments().getFirst();
        var target =
                servers.save(server("fuzz-target-" + System.nanoTime(), env)).getId();
        var playbookId = playbooks
                .save(new Playbook("fuzz-" + System.nanoTime(), null, PLAYBOOK))
                .getId();
        var ticketId =
                tickets.save(new Ticket("fuzz comments", TicketPriority.LOW)).getId();

        for (int i = 0; i < 50; i++) {
            var s = server(name(253), env);
            s.setIpAddress(mostly("10.1.2.3", fuzz.oneOf("2001:db8::7", fuzz.string(50))));
            s.setSshUser(mostly("deploy", fuzz.string(70)));
            s.setSshPort(mostly(22, fuzz.oneOf(0, -1, 65536, Integer.MAX_VALUE, null)));
            s.setOsType(text(50));
            s.setLocation(text(100));
            s.setDescription(text(10_000));
            s.setStatus(fuzz.oneOf(ServerStatus.values()));
            attempt("server", s.getHostname(), () -> servers.save(s));
        }
        for (int i = 0; i < 30; i++) {
            var e = new Environment(name(50), text(255));
            attempt("environment", e.getName(), () -> environments.save(e));
        }
        for (int i = 0; i < 40; i++) {
            var p = new Playbook(
                    name(255),
                    text(10_000),
                    fuzz.random().nextInt(4) == 0
                            ? fuzz.mutate(PLAYBOOK)
                            : PLAYBOOK + "    - debug: msg=\""
                                    + fuzz.string(2000).replace("\"", "").replace("\\", "") + "\"\n");
            attempt("playbook", p.getName(), () -> playbooks.save(p));
        }
        for (int i = 0; i < 40; i++) {
            var t = new Ticket(name(255), fuzz.oneOf(TicketPriority.values()));
            t.setDescription(text(10_000));
            attempt("ticket", t.getTitle(), () -> tickets.save(t));
        }
        for (int i = 0; i < 30; i++) {
            var body = text(10_000);
            attempt("comment", body, () -> tickets.addComment(ticketId, body));
        }
        for (int i = 0; i < 40; i++) {
            var username = name(80);
            var email = fuzz.oneOf(
                    fuzz.string(130),
                    "u" + i + "-" + System.nanoTime() + "@example.test",
                    fuzz.mutate("someone@example.test"));
            var password =
                    mostly(TestUsers.PASSWORD + i, fuzz.oneOf(fuzz.string(100), fuzz.mutate("Long-enough-Pass-42")));
            attempt("user", username, () -> users.create(username, email, fuzz.oneOf(Role.values()), password, true));
        }
        fuzzPasswordChange();
        TestUsers.signIn(admin);
        for (int i = 0; i < 30; i++) {
            var name = name(120);
            var cron = mostly(
                    "0 0 0 1 1 ? 2099",
                    fuzz.oneOf(
                            fuzz.string(130),
                            fuzz.mutate("0 30 2 * * ?"),
                            "0 0 0 1 1 ? 2099".replace(" ", " ".repeat(30)),
                            String.join(",", java.util.Collections.nCopies(40, "1")) + " 0 0 1 1 ? 2099"));
            var zone = mostly(fuzz.oneOf("UTC", "Europe/Berlin"), fuzz.oneOf(fuzz.string(70), "UTC+" + fuzz.string(5)));
            var request = LaunchRequest.of(playbookId, List.of(target)).withExtraVars(vars());
            attempt("schedule", name, () -> schedules.create(name, cron, zone, request));
        }
        for (int i = 0; i < 40; i++) {
            var vars = vars();
            var request = LaunchRequest.of(playbookId, List.of(i % 2 == 0 ? target : -1L))
                    .withExtraVars(vars);
            attempt("job launch", vars, () -> {
                long id = jobs.launch(request);
                jobs.cancel(id); // the run itself is not what is tested here
                return id;
            });
        }
        for (int i = 0; i < 30; i++) {
            var format = fuzz.oneOf(ImportFormat.values());
            var file = format == ImportFormat.CSV
                    ? fuzz.mutate("hostname,ip_address,description\nimp-" + System.nanoTime() + ",10.0.0.9," + text(300)
                            + "\n")
                    : fuzz.mutate("[" + env.getName() + "]\nimp-" + System.nanoTime() + " ansible_host=10.0.0.9\n");
            attempt("server import", file, () -> transfer.importValid(file, format, env.getId()));
        }

        long total = outcomes.values().stream().mapToLong(o -> o[0] + o[1]).sum();
        System.out.println("[fuzz] form cases tried: " + total + " (form=[saved, refused]): "
                + outcomes.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1])
                        .collect(Collectors.joining(", ")));
        assertThat(findings).as("unhandled errors or half-writes").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(300);
    }

    /** The signed-in user's own password change, with hostile current and new passwords. */
    private void fuzzPasswordChange() throws Exception {
        User self = testUsers.signIn(Role.OPERATOR);
        var current = TestUsers.PASSWORD;
        for (int i = 0; i < 30; i++) {
            var given = mostly(current, fuzz.oneOf(fuzz.string(100), current + fuzz.string(3)));
            var next = fuzz.oneOf(
                    "Another-Long-Pass-" + i + fuzz.string(8),
                    fuzz.string(100),
                    fuzz.mutate("Another-Long-Pass-" + i),
                    "x".repeat(73),
                    "\ud83d\ude00".repeat(19));
            if (attempt("password change", next, () -> {
                users.changeOwnPassword(given, next);
                return null;
            })) {
                current = next;
            }
        }
        assertThat(self.getId()).isPositive();
    }

    /** Returns true when the call saved. */
    private boolean attempt(String form, String input, Callable<?> call) {
        var before = counts();
        var outcome = outcomes.computeIfAbsent(form, f -> new int[2]);
        fuzz.tried();
        try {
            call.call();
            outcome[0]++;
            var after = counts();
            boolean wrote = TABLES.stream()
                    .anyMatch(t -> !t.equals("audit_logs") && !after.get(t).equals(before.get(t)));
            if (wrote && after.get("audit_logs") <= before.get("audit_logs")) {
                findings.add(form + ": saved without an audit row, input " + show(input));
            }
            if (input != null && input.length() <= 255) {
                saved.add(input.strip());
            }
            return true;
        } catch (InvalidInputException refused) {
            outcome[1]++;
            if (refused.fieldErrors().values().stream().anyMatch(m -> m == null || m.isBlank())) {
                findings.add(form + ": refused without a message, input " + show(input));
            }
            var after = counts();
            if (!after.equals(before)) {
                findings.add(form + ": refused but wrote " + diff(before, after) + ", input " + show(input));
            }
            return false;
        } catch (Exception | StackOverflowError e) {
            findings.add(
                    form + ": " + e.getClass().getName() + ": " + firstLine(e.getMessage()) + ", input " + show(input));
            return false;
        }
    }

    private Map<String, Long> counts() {
        var sql = TABLES.stream()
                .map(t -> "(SELECT COUNT(*) FROM " + t + ") AS " + t)
                .collect(Collectors.joining(", "));
        return jdbc.queryForMap("SELECT " + sql).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> ((Number) e.getValue()).longValue(), (a, b) -> a, TreeMap::new));
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream()
                .filter(k -> !before.get(k).equals(after.get(k)))
                .map(k -> k + " " + before.get(k) + "->" + after.get(k))
                .collect(Collectors.joining(", "));
    }

    /** The valid value seven times in ten, else the hostile one. */
    private <T> T mostly(T valid, T hostile) {
        return fuzz.random().nextInt(10) < 7 ? valid : hostile;
    }

    /** A name: valid, hostile, or a near-twin of one already saved (case, spaces, zero-width, accents). */
    private String name(int max) {
        return switch (fuzz.random().nextInt(10)) {
            case 0, 1, 2, 3, 4 ->
                "fuzz-" + System.nanoTime() % 1_000_000_000 + "-"
                        + fuzz.random().nextInt(1000);
            case 5, 6 -> fuzz.string(max);
            case 7 -> fuzz.mutate("fuzz-" + System.nanoTime() % 1_000_000_000);
            default -> saved.isEmpty() ? fuzz.string(max) : twin(fuzz.oneOf(saved));
        };
    }

    private String twin(String value) {
        return switch (fuzz.random().nextInt(6)) {
            case 0 -> value.toUpperCase();
            case 1 -> value + " ";
            case 2 -> value + "\u200b";
            case 3 -> value.replace("e", "\u00e9");
            case 4 -> "\u0000" + value;
            default -> value + "\u0301";
        };
    }

    private String text(int max) {
        return fuzz.random().nextInt(4) == 0 ? null : fuzz.string(max);
    }

    private String vars() {
        return switch (fuzz.random().nextInt(4)) {
            case 0 -> fuzz.string(300);
            case 1 -> fuzz.mutate("greeting: hello\nlist: [1, 2]\n");
            case 2 -> "note: \"" + fuzz.string(200).replace("\"", "").replace("\\", "") + "\"";
            default -> "pad: x\n" + " ".repeat(fuzz.random().nextInt(70_000)) + "\n";
        };
    }

    private static Server server(String hostname, Environment env) {
        var s = new Server();
        s.setHostname(hostname);
        s.setIpAddress("127.0.0.1");
        s.setSshUser("root");
        s.setEnvironment(env);
        return s;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The input with every character outside printable ASCII as a code, cut to 160 characters. */
    private static String show(String input) {
        if (input == null) {
            return "null";
        }
        var sb = new StringBuilder("\"");
        input.chars()
                .limit(160)
                .forEach(
                        c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.append(input.length() > 160 ? "...\" (" + input.length() + " chars)" : "\"")
                .toString();
    }
}
