package com.infraconsole.user.ui;

import com.infraconsole.user.ApiTokenService;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;

/** Every user's own account: what the console knows about them, their password and their API tokens. */
@Route("profile")
@PageTitle("My profile")
@Menu(order = 90, icon = "vaadin:user-card", title = "My profile")
@PermitAll
class ProfileView extends VerticalLayout {

    ProfileView(UserService userService, ApiTokenService tokens, Clock clock) {
        setMaxWidth("60rem");
        var me = userService.current();
        var account = new FormLayout(
                readOnly("Username", me.getUsername()),
                readOnly("Email", me.getEmail()),
                readOnly("Role", me.getRole().label()),
                readOnly("Last login", UsersView.when(me.getLastLogin())),
                readOnly("Password changed", UsersView.when(me.getPasswordChangedAt())),
                readOnly("Account created", UsersView.when(me.getCreatedAt())));
        account.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        // A service account has no password to change; its tokens are what it signs in with.
        add(new H3("Account"), account);
        if (!me.isServiceAccount()) {
            add(new H3("Change password"), new PasswordChangeForm(userService, () -> {}));
        }
        add(new H3("API tokens"), ApiTokensPanel.own(tokens, clock));
    }

    private static TextField readOnly(String label, String value) {
        var field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }
}
