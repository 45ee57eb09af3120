package com.infraconsole.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditRow;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class AuditViewTest {

    private static final Routes ROUTES = routes();

    /** Karibu's scan skips package-private views such as ours, so the view is added by hand. */
    private static Routes routes() {
        var routes = new Routes().autoDiscoverViews("com.infraconsole");
        routes.getRoutes().add(AuditView.class);
        return routes;
    }

    @Autowired ApplicationContext ctx;
    @Autowired TestUsers testUsers;
    @Autowired ServerService servers;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        TestUsers.signOut();
    }

    private void open(Role role) {
        signInToVaadin(testUsers.create(role));
        UI.getCurrent().navigate("audit");
    }

    /** Signs in for Spring Security and for the mock servlet request that Vaadin's access control reads. */
    private void signInToVaadin(com.infraconsole.user.User user) {
        TestUsers.signIn(user);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
        TestUsers.signIn(user);
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        var request = (com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role) || a.getAuthority().equals(role)));
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
        var update = rows.stream().filter(r -> "UPDATE".equals(r.action()) && String.valueOf(server.getId()).equals(r.entityId()))
                .findFirst().orElseThrow();
        grid.select(update);

        Grid<FieldChange> diff = grid("audit-diff");
        assertThat(GridKt._fetch(diff, 0, 10)).containsExactly(new FieldChange("Ssh port", "22", "2222"));
    }

    @Test
    void filtering_by_entity_id_shows_only_that_entitys_history() {
        var server = serverWithChangedPort();
        open(Role.ADMIN);

        LocatorJ._get(TextField.class, spec -> spec.withLabel("Entity id")).setValue(String.valueOf(server.getId()));
        LocatorJ._get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Entity type")).setValue("Server");

        Grid<AuditRow> grid = grid("audit-grid");
        assertThat(GridKt._fetch(grid, 0, 50)).extracting(AuditRow::action).containsExactly("UPDATE", "CREATE");
    }

    @Test
    void an_operator_cannot_open_the_audit_log() {
        signInToVaadin(testUsers.create(Role.OPERATOR));
        try {
            UI.getCurrent().navigate("audit");
        } catch (RuntimeException expected) {
            // Karibu may surface the denial as an exception; either way the view must not be shown
        }
        assertThat(LocatorJ._find(AuditView.class)).isEmpty();
    }
}
