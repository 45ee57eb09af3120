package com.infraconsole.cli;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.UserService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code seed-data}: loads sample servers, playbooks, jobs with their output, tickets and two
 * accounts. Everything is matched by its natural key (username, hostname, playbook name, job id,
 * ticket title), so a second run creates nothing and says so.
 *
 * <p>Servers and accounts go through their services (validation, audit). Playbooks, jobs, job log
 * lines and tickets are written with SQL on the columns of the V1..V7 migrations, so that this
 * command does not depend on how those features model them (see {@link SampleRows}).
 */
@Component
class SeedDataCommand implements CliCommand {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final String OPERATOR = "sample-operator";
    static final String AUDITOR = "sample-auditor";

    private final Flyway flyway;
    private final ServerService servers;
    private final UserService users;
    private final SampleRows rows;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SeedDataCommand(
            Flyway flyway,
            ServerService servers,
            UserService users,
            SampleRows rows,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.flyway = flyway;
        this.servers = servers;
        this.users = users;
        this.rows = rows;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "seed-data";
    }

    @Override
    public String summary() {
        return "load realistic sample data (servers, playbooks, jobs with logs, tickets); safe to run twice";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var migrated = flyway.migrate();
        if (migrated.migrationsExecuted > 0) {
            out.printf("Applied %d pending migration(s) first.%n", migrated.migrationsExecuted);
        }
        var counts = new LinkedHashMap<String, int[]>(); // name -> {created, already present}
        var passwords = new LinkedHashMap<String, String>();
        for (var account : List.of(new String[] {OPERATOR, "operator"}, new String[] {AUDITOR, "auditor"})) {
            if (users.findByUsername(account[0]).isPresent()) {
                count(counts, "accounts", false);
                continue;
            }
            var password = randomPassword();
            users.create(
                    account[0], account[0] + "@example.com", Role.valueOf(account[1].toUpperCase()), password, true);
            passwords.put(account[0] + " (" + account[1] + ")", password);
            count(counts, "accounts", true);
        }
        seedServers(counts, out);
        var operatorId = users.findByUsername(OPERATOR).orElseThrow().getId();
        var adminId = jdbc.queryForObject("SELECT MIN(id) FROM users WHERE role = 'admin' AND is_active", Long.class);
        var now = clock.instant();
        SamplePlaybooks.ALL.forEach(p -> count(counts, "playbooks", rows.insertPlaybook(p, operatorId, now)));
        int lines = 0;
        var skippedJobs = 0;
        // Oldest first, so that job numbers grow with time as they do for real runs.
        for (var job : SampleJobs.plan().reversed()) {
            var created = rows.insertJob(job, operatorId, adminId == null ? operatorId : adminId, now);
            if (created < 0) {
                skippedJobs++;
                continue;
            }
            count(counts, "jobs", created > 0);
            lines += Math.max(created - 1, 0);
        }
        SampleInventory.TICKETS.forEach(t -> count(counts, "tickets", rows.insertTicket(t, operatorId, adminId, now)));
        return report(out, counts, lines, skippedJobs, passwords);
    }

    private void seedServers(Map<String, int[]> counts, PrintStream out) {
        var environments = servers.environments();
        for (var host : SampleInventory.HOSTS) {
            var exists = jdbc.queryForObject(
                            "SELECT COUNT(*) FROM servers WHERE hostname = ?", Integer.class, host.hostname())
                    > 0;
            var environment = environments.stream()
                    .filter(e -> e.getName().equals(host.environment()))
                    .findFirst();
            if (!exists && environment.isEmpty()) {
                out.println(
                        "  (skipped " + host.hostname() + ": environment " + host.environment() + " does not exist)");
                continue;
            }
            if (!exists) {
                var s = new Server();
                s.setHostname(host.hostname());
                s.setIpAddress(host.ip());
                s.setOsType(host.os());
                s.setEnvironment(environment.get());
                s.setStatus(host.status());
                s.setLocation(host.location());
                s.setSshUser(host.sshUser());
                s.setDescription(host.description());
                servers.save(s);
            }
            count(counts, "servers", !exists);
        }
    }

    private int report(
            PrintStream out, Map<String, int[]> counts, int lines, int skippedJobs, Map<String, String> passwords) {
        int created = counts.values().stream().mapToInt(c -> c[0]).sum();
        counts.forEach((name, c) -> out.printf(
                "  %-10s %3d created, %3d already present%s%n",
                name, c[0], c[1], name.equals("jobs") && lines > 0 ? " (" + lines + " log lines)" : ""));
        if (skippedJobs > 0) {
            out.println("  " + skippedJobs + " sample job(s) skipped: their playbook or server was removed");
        }
        if (!passwords.isEmpty()) {
            out.println("New accounts (passwords are shown only this once; each must be changed at first login):");
            passwords.forEach((user, pw) -> out.printf("  %-28s %s%n", user, pw));
        }
        if (created == 0) {
            out.println("Nothing new: all sample data was already present.");
        } else {
            var changes = new LinkedHashMap<String, Object[]>();
            counts.forEach((name, c) -> changes.put(name, new Object[] {null, c[0]}));
            events.publishEvent(new AuditEvent("SEED_DATA", "database", null, changes, "SUCCESS", null));
            out.println("Sample data loaded: " + created + " new record(s).");
        }
        return 0;
    }

    private static void count(Map<String, int[]> counts, String name, boolean created) {
        counts.computeIfAbsent(name, n -> new int[2])[created ? 0 : 1]++;
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
