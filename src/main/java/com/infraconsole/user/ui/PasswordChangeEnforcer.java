package com.infraconsole.user.ui;

import com.infraconsole.user.UserService;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Sends a user whose password must be changed (first login, or reset by an admin) to the
 * change-password screen, whatever URL they open, until they have changed it.
 */
@Component
class PasswordChangeEnforcer implements VaadinServiceInitListener {

    private static final String CHECKED = PasswordChangeEnforcer.class.getName() + ".ok";
    private final UserService userService;

    PasswordChangeEnforcer(UserService userService) {
        this.userService = userService;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
                    var session = VaadinSession.getCurrent();
                    if (enter.getNavigationTarget() == ChangePasswordView.class
                            || enter.getNavigationTarget().getSimpleName().equals("LoginView")
                            || (session != null && session.getAttribute(CHECKED) != null)) {
                        return;
                    }
                    if (userService.mustChangePassword()) {
                        enter.forwardTo(ChangePasswordView.class);
                    } else if (session != null
                            && com.infraconsole.security.CurrentUser.get().isPresent()) {
                        session.setAttribute(CHECKED, Boolean.TRUE);
                    }
                }));
    }

    static void markChanged() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(CHECKED, Boolean.TRUE);
        }
    }
}
