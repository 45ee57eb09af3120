package com.infraconsole.dashboard.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A small local Karibu setup until the shared base class lands: signs a new account of the role
 * in, starts a mocked Vaadin on the Spring context and hands the sign-in to Vaadin's route
 * security (Karibu 2.7.0 has no Spring Security bridge of its own).
 */
public final class LocalKaribu {

    private static final Routes ROUTES = routes();

    private LocalKaribu() {}

    public static void signInAndStart(ApplicationContext ctx, TestUsers users, Role role) {
        users.signIn(role);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, r) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + r)));
    }

    /**
     * Karibu's discovery skips package-private classes, and our views are package-private, so
     * the routes are also scanned with class visibility ignored.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        var routes = new Routes().autoDiscoverViews("com.infraconsole");
        try (var scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("com.infraconsole").scan()) {
            scan.getClassesWithAnnotation(Route.class.getName())
                    .forEach(c -> routes.getRoutes().add((Class<? extends Component>) c.loadClass()));
        }
        return routes;
    }

    public static void stop() {
        MockVaadin.tearDown();
        TestUsers.signOut();
    }
}
