package com.infraconsole.audit.ui;

import com.infraconsole.base.audit.AuditEvent;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records ACCESS_DENIED when a signed-in user tries to open a screen their role may not see
 * (typing the URL, an old bookmark). Vaadin refuses the navigation itself; this only writes it
 * down. Anonymous visitors sent to the login page are routine and not recorded.
 */
@Component
class NavigationDenialAuditor implements VaadinServiceInitListener {

    private final ApplicationEventPublisher events;
    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    NavigationDenialAuditor(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        var target = event.getNavigationTarget();
        var request = VaadinServletRequest.getCurrent();
        if (target == null
                || !target.isAnnotationPresent(Route.class)
                || request == null
                || request.getUserPrincipal() == null) {
            return;
        }
        if (!checker.hasAccess(target, request.getHttpServletRequest())) {
            events.publishEvent(new AuditEvent(
                    "ACCESS_DENIED",
                    "Screen",
                    event.getLocation().getPath(),
                    Map.of(
                            "target",
                            new Object[] {null, "/" + event.getLocation().getPath()}),
                    "DENIED",
                    null));
        }
    }
}
