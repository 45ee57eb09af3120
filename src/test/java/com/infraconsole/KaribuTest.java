package com.infraconsole;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.infraconsole.security.Role;
import com.infraconsole.user.User;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless UI tests: real views, services and database, a mocked Vaadin servlet environment.
 * Call {@link #signInAs(Role)} first; it signs the user in and opens a fresh UI.
 */
@IntegrationTest
@Tag("integration")
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    protected TestUsers testUsers;

    protected User signInAs(Role role) {
        var user = testUsers.create(role);
        signInAs(user);
        return user;
    }

    protected void signInAs(User user) {
        TestUsers.signIn(user);
        // Vaadin's view access checker asks the servlet request, as it would behind Spring Security's
        // filter; the request must know the user before the first navigation, made by setup itself.
        var auth = SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    /**
     * Karibu's own discovery sees public classes only; our views are package-private (as in
     * Vaadin's walking skeleton), so Spring's scanner finds them.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var routes = new Routes().autoDiscoverViews("com.infraconsole");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("com.infraconsole")) {
            try {
                routes.getRoutes().add((Class<? extends Component>) Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    @AfterEach
    protected void tearDownVaadin() {
        MockVaadin.tearDown();
        TestUsers.signOut();
    }
}
