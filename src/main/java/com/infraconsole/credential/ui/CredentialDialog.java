package com.infraconsole.credential.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.StaleEditPrompt;
import com.infraconsole.credential.CredentialDraft;
import com.infraconsole.credential.CredentialKind;
import com.infraconsole.credential.CredentialSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Create or change one credential. A saved secret is never shown again: on an edit the secret
 * fields start empty, and leaving them empty keeps what is stored.
 */
class CredentialDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Select<CredentialKind> kind = new Select<>();
    final TextField username = new TextField("Remote user");
    final TextArea description = new TextArea("Description");
    final TextArea privateKey = new TextArea("Private key");
    final PasswordField password = new PasswordField("Password");
    final PasswordField passphrase = new PasswordField("Key passphrase");
    final TextArea publicKey = new TextArea("Public key");
    final Span formError = new Span();

    CredentialDialog(
            CredentialSummary existing,
            Consumer<CredentialDraft> onSave,
            Consumer<CredentialSummary> onDelete,
            Runnable onReload) {
        setHeaderTitle(existing == null ? "New credential" : "Credential " + existing.name());
        setWidth("min(40rem, 95vw)");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        kind.setLabel("Type");
        kind.setItems(CredentialKind.values());
        kind.setItemLabelGenerator(CredentialKind::label);
        kind.setValue(existing == null ? CredentialKind.SSH_KEY : existing.kind());
        kind.setReadOnly(existing != null);
        username.setMaxLength(100);
        username.setHelperText("For SSH keys and passwords: the user to log in as (else the server's SSH user)");
        description.setMaxLength(255);
        var keep = existing == null ? "" : "Leave empty to keep the stored one (it is never shown)";
        privateKey.setPlaceholder(existing == null ? "-----BEGIN OPENSSH PRIVATE KEY-----" : keep);
        privateKey.setHelperText("Stored encrypted; only a job's sandbox ever gets it");
        privateKey.getStyle().set("font-family", "monospace");
        password.setHelperText(keep.isEmpty() ? "Stored encrypted; never shown again" : keep);
        passphrase.setHelperText("Only if the key has one; checked against the key");
        publicKey.setReadOnly(true);
        publicKey.setValue(
                existing == null || existing.publicKey() == null
                        ? ""
                        : existing.publicKey() + "\n" + existing.fingerprint());
        publicKey.setVisible(existing != null && existing.publicKey() != null);
        if (existing != null) {
            name.setValue(existing.name());
            username.setValue(existing.username() == null ? "" : existing.username());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        kind.addValueChangeListener(e -> showSecretFields());
        showSecretFields();
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var form = new FormLayout(name, kind, username, privateKey, passphrase, password, publicKey, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        getFooter().add(new Button("Cancel", e -> close()));
        if (existing != null) {
            var delete = new Button("Delete", e -> confirmDelete(existing, onDelete, onReload));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().setMarginRight("auto");
            getFooter().addComponentAsFirst(delete);
        }
        var save = new Button("Save", e -> save(onSave, onReload));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> name.focus());
    }

    private void showSecretFields() {
        boolean key = kind.getValue() == CredentialKind.SSH_KEY;
        privateKey.setVisible(key);
        passphrase.setVisible(key);
        password.setVisible(!key);
        username.setVisible(kind.getValue() != null && kind.getValue().connects());
    }

    CredentialDraft draft() {
        boolean key = kind.getValue() == CredentialKind.SSH_KEY;
        return new CredentialDraft(
                name.getValue(),
                kind.getValue(),
                username.isVisible() ? username.getValue() : null,
                description.getValue(),
                key ? privateKey.getValue() : password.getValue(),
                key ? passphrase.getValue() : null);
    }

    private void save(Consumer<CredentialDraft> onSave, Runnable onReload) {
        formError.setText("");
        for (var f : fields().values()) {
            f.setInvalid(false);
        }
        try {
            onSave.accept(draft());
            // Nothing secret stays in the browser's fields once it is stored.
            privateKey.clear();
            password.clear();
            passphrase.clear();
            close();
        } catch (InvalidInputException ex) {
            var unplaced = FieldErrors.show(ex.fieldErrors(), fields());
            formError.setText(String.join(" ", unplaced));
        } catch (StaleDataException ex) {
            StaleEditPrompt.show(this, formError, ex, onReload);
        }
    }

    private Map<String, HasValidation> fields() {
        var secret = kind.getValue() == CredentialKind.SSH_KEY ? (HasValidation) privateKey : password;
        return Map.of(
                "name",
                name,
                "kind",
                kind,
                "username",
                username,
                "description",
                description,
                "secret",
                secret,
                "passphrase",
                passphrase);
    }

    private void confirmDelete(CredentialSummary existing, Consumer<CredentialSummary> onDelete, Runnable onReload) {
        var confirm = new ConfirmDialog(
                "Delete " + existing.name() + "?",
                "Jobs that would use it fail until another credential is chosen. The deletion is recorded in the"
                        + " audit log.",
                "Delete",
                e -> {
                    try {
                        onDelete.accept(existing);
                        close();
                    } catch (InvalidInputException ex) {
                        formError.setText(String.join(" ", ex.fieldErrors().values()));
                    } catch (StaleDataException ex) {
                        StaleEditPrompt.show(this, formError, ex, onReload);
                    }
                },
                "Cancel",
                e -> {});
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
