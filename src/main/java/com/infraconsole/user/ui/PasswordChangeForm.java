package com.infraconsole.user.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.user.PasswordPolicy;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/** The signed-in user's own password change, used by the forced first-login screen and the profile page. */
class PasswordChangeForm extends Composite<VerticalLayout> {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField fresh = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button save;

    PasswordChangeForm(UserService userService, Runnable onChanged) {
        fresh.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters, not your username, not a common password");
        save = new Button("Change password", e -> {
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
                current.clear();
                fresh.clear();
                repeat.clear();
                Notifications.success("Your password was changed.");
                onChanged.run();
            } catch (InvalidInputException ex) {
                show(current, ex.fieldErrors().get("currentPassword"));
                show(fresh, ex.fieldErrors().get("newPassword"));
            } catch (StaleDataException ex) {
                // Typically an admin reset the password meanwhile: the current one may have changed.
                show(current, ex.getMessage() + " Nothing was changed; enter your current password and try again.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        var form = new FormLayout(current, fresh, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        getContent().setPadding(false);
        getContent().add(form, save);
    }

    private static void show(PasswordField field, String message) {
        if (message != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }
}
