package com.infraconsole.user.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.user.PasswordPolicy;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a user changes their own password; the console sends them here until they have. */
@Route("change-password")
@PageTitle("Change password | Infra Console")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    ChangePasswordView(UserService userService) {
        setMaxWidth("32rem");
        var current = new PasswordField("Current password");
        var fresh = new PasswordField("New password");
        fresh.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters, not your username, not a common password");
        var repeat = new PasswordField("Repeat new password");
        var save = new Button("Change password", e -> {
            current.setInvalid(false);
            fresh.setInvalid(false);
            repeat.setInvalid(false);
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                userService.changeOwnPassword(current.getValue(), fresh.getValue());
                PasswordChangeEnforcer.markChanged();
                Notifications.success("Your password was changed.");
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (InvalidInputException ex) {
                show(current, ex.fieldErrors().get("currentPassword"));
                show(fresh, ex.fieldErrors().get("newPassword"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var intro = new Paragraph(userService.mustChangePassword()
                ? "Before you continue, replace the password you were given with one only you know."
                : "Choose a new password for your account.");
        var form = new FormLayout(current, fresh, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2("Change password"), intro, form, save);
    }

    private static void show(PasswordField field, String message) {
        if (message != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }
}
