package com.infraconsole.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.infraconsole.KaribuTest;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side navigation shows each role what it may open, and a direct URL to anything else is denied. */
class NavigationByRoleTest extends KaribuTest {

    /** Screens only an admin may open. */
    static final List<String> ADMIN_ONLY = List.of("users", "environments", "admin/database");

    @Test
    void every_role_sees_the_servers_screen_in_the_navigation() {
        for (var role : Role.values()) {
            signInAs(role);
            UI.getCurrent().navigate("servers");
            assertThat(navLabels()).as(role.name()).contains("Servers");
            tearDownForNextRole();
        }
    }

    @Test
    void operator_and_auditor_are_shown_no_admin_screens_and_are_denied_them_by_url() {
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            signInAs(role);
            UI.getCurrent().navigate("servers");
            assertThat(navPaths()).as(role.name()).doesNotContainAnyElementsOf(ADMIN_ONLY);
            for (var path : ADMIN_ONLY) {
                if (routeExists(path)) {
                    assertThatThrownBy(() -> UI.getCurrent().navigate(path))
                            .as(role + " -> " + path)
                            .isInstanceOf(MockAccessDeniedException.class);
                }
            }
            tearDownForNextRole();
        }
    }

    @Test
    void operator_is_not_shown_the_audit_log_but_auditor_is() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate("servers");
        assertThat(navPaths()).doesNotContain("audit");
        if (routeExists("audit")) {
            assertThatThrownBy(() -> UI.getCurrent().navigate("audit")).isInstanceOf(MockAccessDeniedException.class);
            tearDownForNextRole();
            signInAs(Role.AUDITOR);
            UI.getCurrent().navigate("audit");
            assertThat(navPaths()).contains("audit");
        }
    }

    @Test
    void admin_sees_every_screen_in_the_navigation() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("servers");
        var all = MenuConfiguration.getMenuEntries().stream()
                .map(e -> trim(e.path()))
                .toList();
        assertThat(navPaths()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(navPaths())
                .containsAll(ADMIN_ONLY.stream().filter(this::routeExists).toList());
    }

    private List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private List<String> navPaths() {
        return _find(SideNavItem.class).stream().map(i -> trim(i.getPath())).toList();
    }

    private boolean routeExists(String path) {
        return com.vaadin.flow.router.RouteConfiguration.forSessionScope()
                .getRoute(path)
                .isPresent();
    }

    private static String trim(String path) {
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }

    private void tearDownForNextRole() {
        tearDownVaadin();
    }
}
