package com.infraconsole.user.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.user.User;
import com.infraconsole.user.UserAdminService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.function.Function;

/**
 * One account and what an admin may do to it. Every action sends the version the admin is
 * looking at; the service refuses it when someone changed the account since.
 */
class UserDialog extends Dialog {

    private final UserAdminService admin;
    private final Runnable onChanged;
    private final Runnable onReload;
    final Select<Role> role = new Select<>();
    final Span formError = new Span();
    private User user;

    UserDialog(User user, UserAdminService admin, Instant now, Runnable onChanged, Runnable onReload) {
        this.user = user;
        this.admin = admin;
        this.onChanged = onChanged;
        this.onReload = onReload;
        setHeaderTitle("User " + user.getUsername());
        setWidth("min(36rem, 95vw)");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var self = CurrentUser.get().map(p -> p.id() == user.getId()).orElse(false);

        var details = new FormLayout(
                readOnly("Email", user.getEmail()),
                readOnly("Status", UsersView.status(user, now)),
                readOnly("Last login", UsersView.when(user.getLastLogin())),
                readOnly(
                        "Password changed",
                        UsersView.when(user.getPasswordChangedAt())
                                + (user.isMustChangePassword() ? " (must change at next login)" : "")));
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(user.getRole());
        role.setReadOnly(self);
        var changeRole = new Button(
                "Change role",
                e -> act(
                        u -> admin.changeRole(u, role.getValue()),
                        "Role of " + user.getUsername() + " is now "
                                + role.getValue().label()));
        changeRole.setEnabled(!self);
        role.addValueChangeListener(e -> changeRole.setEnabled(!self && e.getValue() != this.user.getRole()));
        changeRole.setEnabled(false);
        var roleRow = new HorizontalLayout(role, changeRole);
        roleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(formError, details, roleRow);

        var active = user.isActive()
                ? new Button(
                        "Deactivate",
                        e -> confirm(
                                "Deactivate " + user.getUsername() + "?",
                                "They can no longer sign in. Their history stays.",
                                u -> admin.deactivate(u),
                                "Deactivated"))
                : new Button("Reactivate", e -> act(u -> admin.reactivate(u), "Reactivated " + user.getUsername()));
        active.setVisible(!self);
        var unlock = new Button("Unlock", e -> act(u -> admin.unlock(u), "Unlocked " + user.getUsername()));
        unlock.setVisible(user.isLockedAt(now) || user.getFailedLoginAttempts() > 0);
        var reset = new Button(
                "Reset password",
                e -> confirm(
                        "Reset the password of " + user.getUsername() + "?",
                        "A one-time password is generated and shown to you once; they must change it at next login.",
                        u -> {
                            var otp = admin.resetPassword(u);
                            NewUserDialog.showOnce(otp, "Password reset");
                            return otp.user();
                        },
                        "Password reset for"));
        active.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(active, unlock, reset, new Button("Close", e -> close()));
    }

    private static TextField readOnly(String label, String value) {
        var field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }

    private void confirm(String title, String text, Function<User, User> action, String done) {
        var dialog = new ConfirmDialog(
                title, text, "Confirm", e -> act(action, done + " " + user.getUsername()), "Cancel", e -> {});
        dialog.setCancelable(true);
        dialog.open();
    }

    private void act(Function<User, User> action, String done) {
        formError.setText("");
        try {
            user = action.apply(user);
            Notifications.success(done);
            onChanged.run();
            close();
        } catch (InvalidInputException ex) {
            formError.setText(String.join(" ", ex.fieldErrors().values()));
        } catch (StaleDataException ex) {
            formError.setText(ex.getMessage());
            new ConfirmDialog(
                            "Changed by someone else",
                            ex.getMessage() + " Reload to see the account as it is now.",
                            "Reload",
                            e -> {
                                close();
                                onReload.run();
                            },
                            "Cancel",
                            e -> {})
                    .open();
        }
    }
}
