package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ParallelWritersTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    ServerService servers;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    ChainVerifier verifier;

    @Test
    void eight_parallel_writers_leave_an_unbroken_chain_and_never_deadlock() throws Exception {
        var user = testUsers.create(Role.OPERATOR);
        long before = audit.lastSeq();
        int writers = 8;
        int each = 15;
        var pool = Executors.newFixedThreadPool(writers);
        var tasks = new ArrayList<Callable<Void>>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            tasks.add(() -> {
                TestUsers.signIn(user);
                try {
                    for (int i = 0; i < each; i++) {
                        var s = servers.save(
                                AuditRecordingTest.server(servers, "par-" + id + "-" + i + "-" + System.nanoTime()));
                        s.setLocation("row " + i);
                        servers.save(s);
                    }
                } finally {
                    TestUsers.signOut();
                }
                return null;
            });
        }
        try {
            for (var f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                f.get(); // a deadlock victim or a timeout would surface here
            }
        } finally {
            pool.shutdownNow();
        }

        var rows = audit.since(before);
        assertThat(rows.stream().filter(r -> "Server".equals(r.entityType()))).hasSize(writers * each * 2);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).seq()).isEqualTo(rows.get(i - 1).seq() + 1);
            assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
            assertThat(rows.get(i).occurredAt())
                    .isAfterOrEqualTo(rows.get(i - 1).occurredAt());
        }
        var result = verifier.verify(ChainTables.DEFAULT, n -> {});
        assertThat(result.intact()).as(result.message()).isTrue();
    }
}
