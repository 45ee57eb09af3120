package com.infraconsole.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The login page. Whatever went wrong (unknown user, wrong password, locked or inactive
 * account) it shows the same message, so that it never tells whether an account exists.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Infra Console")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String GENERIC_ERROR = "Incorrect username or password, or the account is locked or inactive.";

    private final AuthenticationContext authenticationContext;
    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(GENERIC_ERROR);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        var title = new H1("Infra Console");
        title.addClassName("login-title");
        var subtitle = new Paragraph("Servers, playbooks, jobs and the audit trail, in one place.");
        subtitle.addClassName("login-subtitle");
        add(title, subtitle, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var throttled = parameters.getOrDefault("throttled", java.util.List.of()).stream()
                .findFirst()
                .filter(s -> s.matches("[0-9]{1,6}"));
        if (throttled.isPresent()) {
            // About the address, not the account: the same for every name tried from it.
            i18n.getErrorMessage().setTitle("Too many attempts");
            i18n.getErrorMessage().setMessage(throttledMessage(Long.parseLong(throttled.get())));
        } else {
            i18n.getErrorMessage().setTitle("Sign-in failed");
            i18n.getErrorMessage().setMessage(GENERIC_ERROR);
        }
        login.setI18n(i18n);
        login.setError(throttled.isPresent() || parameters.containsKey("error"));
    }

    static String throttledMessage(long seconds) {
        return "Too many attempts from your address; try again in " + seconds + " s.";
    }
}
