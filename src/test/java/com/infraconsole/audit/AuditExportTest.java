package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class AuditExportTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    ServerService servers;

    @Autowired
    AuditService auditService;

    @Autowired
    AuditLogProbe audit;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_export_writes_the_filtered_rows_as_csv_and_is_itself_recorded() {
        testUsers.signIn(Role.ADMIN);
        var server = servers.save(AuditRecordingTest.server(servers, "export-" + System.nanoTime()));
        var auditor = testUsers.signIn(Role.AUDITOR);
        long before = audit.lastSeq();

        var csv = new StringWriter();
        long rows = auditService.exportCsv(
                new AuditFilter(null, null, null, null, "Server", server.getId().toString(), null), csv);

        assertThat(rows).isEqualTo(1);
        var lines = csv.toString().split("\r\n");
        assertThat(lines[0]).startsWith("seq,occurred_at_utc,user_id,username,action");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",CREATE,Server," + server.getId() + ",").contains(server.getHostname());
        assertThat(audit.since(before)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("EXPORT");
            assertThat(r.username()).isEqualTo(auditor.getUsername());
            assertThat(r.changes()).contains("entity id " + server.getId()).contains("\"rows\":[null,1]");
        });
    }

    @Test
    void an_operator_may_not_read_or_export_the_audit_log() {
        testUsers.signIn(Role.OPERATOR);
        assertThatThrownBy(() -> auditService.exportCsv(AuditFilter.ALL, new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditService.list(AuditFilter.ALL, null, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }
}
