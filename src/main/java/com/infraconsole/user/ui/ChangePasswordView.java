package com.infraconsole.user.ui;

import com.infraconsole.user.UserService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Where the console sends a user whose password must be changed (first login, or reset by an
 * admin) until they have. Changing a password at will is on the profile page.
 */
@Route("change-password")
@PageTitle("Change password | Infra Console")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    ChangePasswordView(UserService userService) {
        setMaxWidth("32rem");
        var intro = new Paragraph(
                userService.mustChangePassword()
                        ? "Before you continue, replace the password you were given with one only you know."
                        : "Choose a new password for your account.");
        add(
                new H2("Change password"),
                intro,
                new PasswordChangeForm(userService, () -> getUI().ifPresent(ui -> ui.navigate(""))));
    }
}
