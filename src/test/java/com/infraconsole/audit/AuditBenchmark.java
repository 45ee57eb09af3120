package com.infraconsole.audit;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's figures, on demand only (not a timed test):
 * {@code ./mvnw test -Dtest=AuditBenchmark -Daudit.benchmark=true [-Daudit.benchmark.rows=1000000]}
 * ({@code -Daudit.benchmark.single=true} skips the 8-writer part).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "audit.benchmark", matches = "true")
class AuditBenchmark {

    @Autowired
    TestUsers testUsers;

    @Autowired
    ServerService servers;

    @Autowired
    AuditSwitch auditSwitch;

    @Autowired
    AuditService auditService;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void print_the_figures() throws Exception {
        var user = testUsers.create(Role.ADMIN);
        TestUsers.signIn(user);
        if (!Boolean.getBoolean("audit.benchmark.single")) {
            concurrentWriters(user, true);
            concurrentWriters(user, false);
        }
        auditSwitch.set(true);
        updateWithAndWithoutAudit();
        int rows = Integer.getInteger("audit.benchmark.rows", 1_000_000);
        bulkLoad(rows);
        verification();
        screenQueries();
    }

    private void concurrentWriters(com.infraconsole.user.User user, boolean audited) throws Exception {
        auditSwitch.set(audited);
        int writers = 8;
        int each = 150;
        var made = new ArrayList<Server>();
        for (int i = 0; i < writers; i++) {
            made.add(servers.save(AuditRecordingTest.server(servers, "bench-w" + i + "-" + System.nanoTime())));
        }
        var pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int w = 0; w < writers; w++) {
            var mine = made.get(w);
            futures.add(pool.submit(() -> {
                TestUsers.signIn(user);
                var s = mine;
                for (int i = 0; i < each; i++) {
                    s.setLocation("loc " + i);
                    s = servers.save(s);
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        print(
                (audited ? "audited" : "UNAUDITED (switch off)") + " changes/s, 8 concurrent writers, 1 update per tx",
                String.format("%.0f /s (%d changes in %.2f s)", writers * each / secs, writers * each, secs));
    }

    private void updateWithAndWithoutAudit() {
        var s = servers.save(AuditRecordingTest.server(servers, "bench-single-" + System.nanoTime()));
        var holder = new Server[] {s};
        Supplier<Double> block = () -> {
            int n = 200;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                holder[0].setLocation("l" + i + "-" + System.nanoTime());
                holder[0] = servers.save(holder[0]);
            }
            return (System.nanoTime() - start) / 1e6 / n;
        };
        block.get(); // warm-up
        double on = 0;
        double off = 0;
        for (int round = 0; round < 3; round++) { // alternate to spread any drift over both
            auditSwitch.set(true);
            on += block.get();
            auditSwitch.set(false);
            off += block.get();
        }
        auditSwitch.set(true);
        print(
                "server update, audited vs. audit off (mean of 600 each)",
                String.format("%.2f ms vs %.2f ms = %.2fx", on / 3, off / 3, on / off));
    }

    /** Appends properly chained rows the way the writer does, in big multi-row INSERTs. */
    private void bulkLoad(int total) {
        var users = new String[50];
        Arrays.setAll(users, i -> "user" + i);
        String[] actions = {
            "UPDATE",
            "UPDATE",
            "UPDATE",
            "CREATE",
            "LOGIN_SUCCESS",
            "LOGIN_SUCCESS",
            "DELETE",
            "LOGOUT",
            "JOB_LAUNCH",
            "LOGIN_FAILURE"
        };
        String[] types = {"Server", "Job", "Ticket", "Playbook", "User"};
        long start = System.nanoTime();
        int chunk = 10_000;
        for (int done = 0; done < total; done += chunk) {
            int base = done;
            int size = Math.min(chunk, total - done);
            tx.executeWithoutResult(status -> {
                var head = jdbc.queryForObject(
                        "SELECT last_seq, last_hash, last_occurred_at FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                        (rs, i) -> new Object[] {
                            rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDateTime.class)
                        });
                long seq = (Long) head[0];
                var prev = (String) head[1];
                var at = ((java.time.LocalDateTime) head[2]).toInstant(java.time.ZoneOffset.UTC);
                var hasher = new ChainHasher();
                var sql = new StringBuilder(
                        AuditChainWriter.INSERT.substring(0, AuditChainWriter.INSERT.indexOf("VALUES") + 7));
                var args = new ArrayList<Object>(size * 13);
                for (int i = 0; i < size; i++) {
                    int k = base + i;
                    at = at.plus(10, ChronoUnit.MILLIS);
                    var action = k % 1000 == 0 ? "ACCOUNT_LOCKED" : actions[k % actions.length];
                    var row = new AuditRow(
                            ++seq,
                            at,
                            (long) (k % 50) + 1000,
                            users[k % 50],
                            action,
                            types[k % types.length],
                            Integer.toString(k % 20_000),
                            "{\"status\":[\"active\",\"maintenance\"],\"note\":[null,\"change " + k + "\"]}",
                            "10.0." + (k % 250) + ".1",
                            "Mozilla/5.0 bench",
                            "SUCCESS",
                            prev,
                            null);
                    prev = hasher.hash(row);
                    sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    args.addAll(Arrays.asList(AuditChainWriter.params(row.withHash(prev))));
                }
                jdbc.update(sql.toString(), args.toArray());
                jdbc.update(
                        "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_occurred_at = ? WHERE id = 1",
                        seq,
                        prev,
                        AuditChainWriter.utc(at));
            });
        }
        double secs = (System.nanoTime() - start) / 1e9;
        print("bulk load of chained rows", String.format("%d rows in %.1f s (%.0f rows/s)", total, secs, total / secs));
    }

    private void verification() {
        long start = System.nanoTime();
        var result = verifier.verify(ChainTables.DEFAULT, n -> {});
        double secs = (System.nanoTime() - start) / 1e9;
        print(
                "chain verification",
                String.format("%s; %.0f rows/s (%.1f s)", result.message(), result.rowsVerified() / secs, secs));
    }

    private void screenQueries() {
        long rows = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class);
        var mid = jdbc.queryForObject(
                        "SELECT occurred_at FROM audit_logs WHERE seq = ?", java.time.LocalDateTime.class, rows / 2)
                .toInstant(java.time.ZoneOffset.UTC);
        time("first page, unfiltered", new AuditFilter(null, null, null, null, null, null, null));
        time("first page, user = user7", new AuditFilter(null, null, "user7", null, null, null, null));
        time(
                "first page, action = ACCOUNT_LOCKED (0.1% of rows)",
                new AuditFilter(null, null, null, "ACCOUNT_LOCKED", null, null, null));
        time("first page, entity Server 12345", new AuditFilter(null, null, null, null, "Server", "12345", null));
        time(
                "first page, one hour in the middle",
                new AuditFilter(mid, mid.plusSeconds(3600), null, null, null, null, null));
        time(
                "first page, free text 'change 4242' (LIKE scan)",
                new AuditFilter(null, null, null, null, null, null, "change 4242"));
        print("rows in audit_logs", Long.toString(rows));
    }

    private void time(String label, AuditFilter filter) {
        auditService.list(filter, null, 0, 50); // warm
        var times = new ArrayList<Double>();
        int found = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            found = auditService.list(filter, null, 0, 50).size();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        print(label, String.format("median %.1f ms (%d rows)", times.get(2), found));
    }

    private static void print(String what, String figure) {
        System.out.printf("AUDIT-BENCH | %-60s | %s%n", what, figure);
    }
}
