package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditFilter;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.audit.AuditService;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerTransferService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every export (server CSV, job log download, audit CSV) is audited with its true outcome: a
 * download the client broke off is recorded as a FAILURE, not as an export that happened.
 */
@IntegrationTest
class ExportOutcomeAuditTest {

    @Autowired
    TestUsers users;

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    ServerTransferService transfers;

    @Autowired
    AuditService auditService;

    @Autowired
    AuditLogProbe audit;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_server_export_is_recorded_as_a_success_and_a_broken_one_as_a_failure() {
        users.signIn(Role.OPERATOR);
        fx.localServer();
        long before = audit.lastSeq();

        transfers.exportCsv(ServerFilter.none(), new StringWriter());
        assertThatThrownBy(() -> transfers.exportCsv(ServerFilter.none(), brokenWriter()))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(exports(before, "Server")).containsExactly("SUCCESS", "FAILURE");
    }

    @Test
    void a_job_log_download_is_recorded_with_its_lines_and_a_broken_one_as_a_failure() {
        users.signIn(Role.OPERATOR);
        long id = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: exported"), List.of(fx.localServer())));
        fx.awaitEnd(id, Duration.ofSeconds(60));
        users.signIn(Role.AUDITOR);
        long before = audit.lastSeq();

        var out = new ByteArrayOutputStream();
        jobs.writeLog(id, out);
        assertThatThrownBy(() -> jobs.writeLog(id, brokenStream())).isInstanceOf(UncheckedIOException.class);

        assertThat(out.toString()).contains("exported");
        assertThat(exports(before, "JobLog")).containsExactly("SUCCESS", "FAILURE");
        assertThat(audit.since(before).getFirst().changes()).contains("\"lines\":[null," + jobs.logLineCount(id) + "]");
    }

    @Test
    void a_broken_audit_export_is_recorded_as_a_failure() {
        users.signIn(Role.AUDITOR);
        long before = audit.lastSeq();

        assertThatThrownBy(() -> auditService.exportCsv(AuditFilter.ALL, brokenWriter()))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(exports(before, "AuditLog")).containsExactly("FAILURE");
    }

    private List<String> exports(long since, String entityType) {
        return audit.since(since).stream()
                .filter(r -> r.action().equals("EXPORT") && entityType.equals(r.entityType()))
                .map(r -> r.outcome())
                .toList();
    }

    /** A client that goes away after the first bytes. */
    private static Writer brokenWriter() {
        return new Writer() {
            private int written;

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                written += len;
                if (written > 10) {
                    throw new IOException("Broken pipe");
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    private static OutputStream brokenStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
    }
}
