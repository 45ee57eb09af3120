package com.infraconsole.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditRow;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTest {

    @Autowired
    ServerService servers;

    @Autowired
    com.infraconsole.audit.AuditLogProbe audit;

    private void open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("audit");
    }

    private Server serverWithChangedPort() {
        testUsers.signIn(Role.ADMIN);
        var s = new Server();
        s.setHostname("view-" + System.nanoTime());
        s.setIpAddress("10.9.8.7");
        s.setSshUser("deploy");
        s.setEnvironment(servers.environments().get(0));
        s = servers.save(s);
        s.setSshPort(2222);
        s = servers.save(s);
        TestUsers.signOut();
        return s;
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return LocatorJ._get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void an_auditor_sees_the_newest_entries_first_and_the_field_diff_of_a_selected_entry() {
        var server = serverWithChangedPort();
        open(Role.AUDITOR);

        Grid<AuditRow> grid = grid("audit-grid");
        var rows = GridKt._fetch(grid, 0, 50);
        assertThat(rows).extracting(AuditRow::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        var update = rows.stream()
                .filter(r -> "UPDATE".equals(r.action())
                        && String.valueOf(server.getId()).equals(r.entityId()))
                .findFirst()
                .orElseThrow();
        grid.select(update);

        Grid<FieldChange> diff = grid("audit-diff");
        assertThat(GridKt._fetch(diff, 0, 10)).containsExactly(new FieldChange("Ssh port", "22", "2222"));
    }

    @Test
    void filtering_by_entity_id_shows_only_that_entitys_history() {
        var server = serverWithChangedPort();
        open(Role.ADMIN);

        LocatorJ._get(TextField.class, spec -> spec.withLabel("Entity id")).setValue(String.valueOf(server.getId()));
        LocatorJ._get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Entity type"))
                .setValue("Server");

        Grid<AuditRow> grid = grid("audit-grid");
        assertThat(GridKt._fetch(grid, 0, 50)).extracting(AuditRow::action).containsExactly("UPDATE", "CREATE");
    }

    @Test
    void an_operator_cannot_open_the_audit_log_and_the_attempt_is_recorded() {
        var operator = signInAs(Role.OPERATOR);
        long before = audit.lastSeq();
        assertThatThrownBy(() -> UI.getCurrent().navigate("audit"))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThat(audit.since(before))
                .filteredOn(r -> r.action().equals("ACCESS_DENIED"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.username()).isEqualTo(operator.getUsername());
                    assertThat(r.entityId()).isEqualTo("audit");
                });
    }
}
