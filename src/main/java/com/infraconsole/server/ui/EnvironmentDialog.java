package com.infraconsole.server.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.StaleEditPrompt;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.server.Environment;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Create, rename or describe one environment; stays open with the input on any refusal. */
class EnvironmentDialog extends Dialog {

    private final BeanValidationBinder<Environment> binder = new BeanValidationBinder<>(Environment.class);
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final ComboBox<CredentialSummary> credential = new ComboBox<>("Login credential");
    final Span formError = new Span();

    EnvironmentDialog(Environment environment, long serverCount, List<CredentialSummary> credentials,
            Consumer<Environment> onSave,
            Consumer<Environment> onDelete, Runnable onReload) {
        setHeaderTitle(environment.isNew() ? "New environment" : "Environment " + environment.getName());
        setWidth("min(32rem, 95vw)");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(50);
        name.setHelperText("Lower-case letters, digits, dash and underscore; servers and inventories refer to it");
        description.setMaxLength(255);
        credential.setItems(credentials);
        credential.setItemLabelGenerator(CredentialSummary::label);
        credential.setClearButtonVisible(true);
        credential.setHelperText("Jobs log in to this environment's servers with it, unless a server or the launch names"
                + " another");
        binder.forField(credential).bind(
                e -> credentials.stream().filter(c -> c.id().equals(e.getCredentialId())).findFirst().orElse(null),
                (e, c) -> e.setCredentialId(c == null ? null : c.id()));
        binder.bindInstanceFields(this);
        binder.setBean(environment);
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var form = new FormLayout(name, description, credential);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        getFooter().add(new Button("Cancel", e -> close()));
        if (!environment.isNew()) {
            var delete = new Button("Delete", e -> confirmDelete(environment, serverCount, onDelete, onReload));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().setMarginRight("auto");
            getFooter().addComponentAsFirst(delete);
        }
        var save = new Button("Save", e -> {
            formError.setText("");
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                onSave.accept(binder.getBean());
                close();
            } catch (InvalidInputException ex) {
                showErrors(ex);
            } catch (StaleDataException ex) {
                StaleEditPrompt.show(this, formError, ex, onReload);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> name.focus());
    }

    private void showErrors(InvalidInputException ex) {
        var unplaced = FieldErrors.show(ex.fieldErrors(), Map.of("name", name, "description", description, "credentialId", credential));
        if (!unplaced.isEmpty()) {
            formError.setText(String.join(" ", unplaced));
        }
    }

    private void confirmDelete(Environment environment, long serverCount, Consumer<Environment> onDelete,
            Runnable onReload) {
        if (serverCount > 0) {
            formError.setText("Environment " + environment.getName() + " is used by " + serverCount
                    + (serverCount == 1 ? " server" : " servers") + "; move or delete them first.");
            return;
        }
        var confirm = new ConfirmDialog("Delete " + environment.getName() + "?",
                "No server uses it. The change is recorded in the audit log.", "Delete", e -> {
                    try {
                        onDelete.accept(environment);
                        close();
                    } catch (InvalidInputException ex) {
                        showErrors(ex);
                    } catch (StaleDataException ex) {
                        StaleEditPrompt.show(this, formError, ex, onReload);
                    }
                }, "Cancel", e -> {});
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
