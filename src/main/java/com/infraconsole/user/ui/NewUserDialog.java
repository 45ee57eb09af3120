package com.infraconsole.user.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.security.Role;
import com.infraconsole.user.OneTimePassword;
import com.infraconsole.user.PasswordPolicy;
import com.infraconsole.user.User;
import com.infraconsole.user.UserAdminService;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Creates an account; the user must change the initial or generated password at first login. */
class NewUserDialog extends Dialog {

    static final String GENERATE = "Generate a one-time password";
    static final String TYPE = "Type an initial password";
    static final String SERVICE = "None: a service account, API tokens only";

    final TextField username = new TextField("Username");
    final EmailField email = new EmailField("Email");
    final Select<Role> role = new Select<>();
    final RadioButtonGroup<String> passwordMode = new RadioButtonGroup<>("Password");
    final PasswordField password = new PasswordField("Initial password");
    final Span formError = new Span();

    NewUserDialog(UserService users, UserAdminService admin, Consumer<User> onCreated) {
        setHeaderTitle("New user");
        setWidth("min(32rem, 95vw)");
        username.setRequiredIndicatorVisible(true);
        username.setMaxLength(FieldLimits.maxLength(User.class, "username"));
        email.setRequiredIndicatorVisible(true);
        email.setHelperText("Optional for a service account");
        email.setMaxLength(FieldLimits.maxLength(User.class, "email"));
        // The field checks the format itself; without a text it would turn red in silence.
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage("Enter a valid email address"));
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.OPERATOR);
        passwordMode.setItems(GENERATE, TYPE, SERVICE);
        passwordMode.setValue(GENERATE);
        password.setVisible(false);
        password.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters, not the username, not a common password; the user must change it at first login");
        passwordMode.addValueChangeListener(e -> password.setVisible(TYPE.equals(e.getValue())));
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var form = new FormLayout(username, email, role, passwordMode, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        var create = new Button("Create", e -> {
            clearErrors();
            try {
                if (SERVICE.equals(passwordMode.getValue())) {
                    var account = admin.createServiceAccount(username.getValue(), email.getValue(), role.getValue());
                    close();
                    onCreated.accept(account);
                } else if (TYPE.equals(passwordMode.getValue())) {
                    var user = users.create(
                            username.getValue(), email.getValue(), role.getValue(), password.getValue(), true);
                    close();
                    onCreated.accept(user);
                } else {
                    var created =
                            admin.createWithGeneratedPassword(username.getValue(), email.getValue(), role.getValue());
                    close();
                    onCreated.accept(created.user());
                    showOnce(created, "Account created");
                }
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach((field, message) -> {
                    HasValidation target = switch (field) {
                        case "username" -> username;
                        case "email" -> email;
                        case "role" -> role;
                        case "password" -> password.isVisible() ? password : null;
                        default -> null;
                    };
                    if (target == null) {
                        formError.setText(message);
                    } else {
                        target.setErrorMessage(message);
                        target.setInvalid(true);
                    }
                });
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> username.focus());
    }

    private void clearErrors() {
        formError.setText("");
        username.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
    }

    /** The generated password, shown to the admin this once and never stored in clear. */
    static void showOnce(OneTimePassword otp, String title) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        var field = new TextField("One-time password for " + otp.user().getUsername());
        field.setValue(otp.password());
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("one-time-password");
        field.setHelperText("Shown once. Give it to the user over a safe channel; they must change it at next login.");
        dialog.add(field);
        var done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(30rem, 95vw)");
        dialog.open();
    }
}
