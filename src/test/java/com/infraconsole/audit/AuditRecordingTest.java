package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.User;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditRecordingTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    ServerService servers;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    AuditActionProbe actionProbe;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static Server server(ServerService servers, String name) {
        var s = new Server();
        s.setHostname(name);
        s.setIpAddress("10.1.2.3");
        s.setSshUser("deploy");
        s.setEnvironment(servers.environments().get(0));
        return s;
    }

    @Test
    void creating_a_server_writes_one_create_row_naming_the_user_and_the_fields() {
        var user = testUsers.signIn(Role.OPERATOR);
        long before = audit.lastSeq();
        var saved = servers.save(server(servers, "audit-create-" + System.nanoTime()));

        var rows = audit.since(before, "Server", saved.getId());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("CREATE");
            assertThat(r.userId()).isEqualTo(user.getId());
            assertThat(r.username()).isEqualTo(user.getUsername());
            assertThat(r.outcome()).isEqualTo("SUCCESS");
            assertThat(r.changes())
                    .contains("\"hostname\":[null,\"" + saved.getHostname() + "\"]")
                    .doesNotContain("version")
                    .doesNotContain("updatedAt");
            assertThat(r.clientIp()).isEqualTo("127.0.0.1"); // the mock request Spring's test support binds
        });
    }

    @Test
    void an_update_records_old_and_new_values_of_the_changed_fields_only() {
        testUsers.signIn(Role.ADMIN);
        var saved = servers.save(server(servers, "audit-update-" + System.nanoTime()));
        long before = audit.lastSeq();
        saved.setLocation("Rack 7");
        saved.setSshPort(2222);
        servers.save(saved);

        assertThat(audit.since(before, "Server", saved.getId())).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("UPDATE");
            assertThat(r.changes()).isEqualTo("{\"location\":[null,\"Rack 7\"],\"sshPort\":[22,2222]}");
        });
    }

    @Test
    void a_change_refused_by_validation_writes_no_row() {
        testUsers.signIn(Role.OPERATOR);
        long before = audit.lastSeq();
        var bad = server(servers, "not a hostname!");
        assertThatThrownBy(() -> servers.save(bad)).isInstanceOf(InvalidInputException.class);
        assertThat(audit.since(before)).isEmpty();
    }

    @Test
    void a_rolled_back_transaction_writes_no_row_even_after_a_flush() {
        testUsers.signIn(Role.OPERATOR);
        long before = audit.lastSeq();
        tx.executeWithoutResult(status -> {
            servers.save(server(servers, "audit-rollback-" + System.nanoTime())); // flushed: the listener saw it
            status.setRollbackOnly();
        });
        assertThat(audit.since(before)).isEmpty();
    }

    @Test
    void secrets_are_masked_and_the_actor_of_console_work_is_system() {
        long before = audit.lastSeq();
        User created = testUsers.create(Role.AUDITOR); // created by SystemAuthentication
        assertThat(audit.since(before, "User", created.getId())).singleElement().satisfies(r -> {
            assertThat(r.username()).isEqualTo("system");
            assertThat(r.userId()).isNull();
            assertThat(r.changes()).contains("\"passwordHash\":[null,\"***\"]").doesNotContain("$2a$");
        });
    }

    @Test
    void an_audit_action_on_the_calling_method_names_the_action() {
        testUsers.signIn(Role.ADMIN);
        var saved = servers.save(server(servers, "audit-action-" + System.nanoTime()));
        long before = audit.lastSeq();
        actionProbe.retire(saved);
        assertThat(audit.since(before, "Server", saved.getId()))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("SERVER_RETIRE"));
    }

    @Test
    void an_audit_event_is_written_with_its_transaction_or_on_its_own() {
        var admin = testUsers.signIn(Role.ADMIN);
        long before = audit.lastSeq();
        events.publishEvent(new AuditEvent("PROBE", "Thing", "1", Map.of(), "SUCCESS", null));
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AuditEvent("PROBE", "Thing", "2", Map.of(), "SUCCESS", null));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> events.publishEvent(AuditEvent.failure("PROBE", "Thing", "3", "mallory")));
        assertThat(audit.since(before))
                .extracting(AuditRow::entityId, AuditRow::username, AuditRow::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", admin.getUsername(), "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("3", "mallory", "FAILURE"));
    }
}
