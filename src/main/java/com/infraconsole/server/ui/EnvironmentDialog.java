package com.infraconsole.server.ui;

import com.infraconsole.base.ui.EditDialog;
import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.server.Environment;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Create, rename or describe one environment; stays open with the input on any refusal. */
class EnvironmentDialog extends EditDialog<Environment> {

    private final BeanValidationBinder<Environment> binder = new BeanValidationBinder<>(Environment.class);
    final TextField name;
    final TextArea description;
    final ComboBox<CredentialSummary> credential;
    final Span formError;

    EnvironmentDialog(
            Environment environment,
            long serverCount,
            List<CredentialSummary> credentials,
            Consumer<Environment> onSave,
            Consumer<Environment> onDelete,
            Runnable onReload) {
        this(
                new TextField("Name"),
                new TextArea("Description"),
                new ComboBox<>("Login credential"),
                environment,
                serverCount,
                credentials,
                onSave,
                onDelete,
                onReload);
    }

    private EnvironmentDialog(
            TextField name,
            TextArea description,
            ComboBox<CredentialSummary> credential,
            Environment environment,
            long serverCount,
            List<CredentialSummary> credentials,
            Consumer<Environment> onSave,
            Consumer<Environment> onDelete,
            Runnable onReload) {
        super(
                environment.isNew() ? "New environment" : "Environment " + environment.getName(),
                "min(32rem, 95vw)",
                form(name, description, credential),
                onReload);
        this.name = name;
        this.description = description;
        this.credential = credential;
        this.formError = formError();
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(FieldLimits.maxLength(Environment.class, "name"));
        name.setHelperText("Lower-case letters, digits, dash and underscore; servers and inventories refer to it");
        description.setMaxLength(FieldLimits.maxLength(Environment.class, "description"));
        credential.setItems(credentials);
        credential.setItemLabelGenerator(CredentialSummary::label);
        credential.setClearButtonVisible(true);
        credential.setHelperText(
                "Jobs log in to this environment's servers with it, unless a server or the launch names" + " another");
        binder.forField(credential)
                .bind(
                        e -> credentials.stream()
                                .filter(c -> c.id().equals(e.getCredentialId()))
                                .findFirst()
                                .orElse(null),
                        (e, c) -> e.setCredentialId(c == null ? null : c.id()));
        binder.bindInstanceFields(this);
        binder.setBean(environment);

        addCancel("Cancel");
        if (!environment.isNew()) {
            addDelete(() -> delete(environment, serverCount, onDelete));
        }
        addSave(
                new EditForm<>() {
                    @Override
                    public boolean isValid() {
                        return binder.validate().isOk();
                    }

                    @Override
                    public Environment bean() {
                        return binder.getBean();
                    }

                    @Override
                    public void showErrors(Map<String, String> errors) {
                        EnvironmentDialog.this.showErrors(errors);
                    }
                },
                onSave);
        addOpenedChangeListener(e -> name.focus());
    }

    private static FormLayout form(TextField name, TextArea description, ComboBox<CredentialSummary> credential) {
        var form = new FormLayout(name, description, credential);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void showErrors(Map<String, String> errors) {
        var unplaced =
                FieldErrors.show(errors, Map.of("name", name, "description", description, "credentialId", credential));
        if (!unplaced.isEmpty()) {
            formError.setText(String.join(" ", unplaced));
        }
    }

    private void delete(Environment environment, long serverCount, Consumer<Environment> onDelete) {
        if (serverCount > 0) {
            formError.setText("Environment " + environment.getName() + " is used by " + serverCount
                    + (serverCount == 1 ? " server" : " servers") + "; move or delete them first.");
            return;
        }
        confirmDelete(
                "Delete " + environment.getName() + "?",
                "No server uses it. The change is recorded in the audit log.",
                () -> onDelete.accept(environment),
                ex -> showErrors(ex.fieldErrors()));
    }
}
