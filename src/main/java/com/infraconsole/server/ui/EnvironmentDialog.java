package com.infraconsole.server.ui;

import com.infraconsole.base.ui.EditDialog;
import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.server.Environment;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.Map;
import java.util.function.Consumer;

/** Create, rename or describe one environment; stays open with the input on any refusal. */
class EnvironmentDialog extends EditDialog<Environment> {

    private final BeanValidationBinder<Environment> binder = new BeanValidationBinder<>(Environment.class);
    final TextField name;
    final TextArea description;
    final Span formError;

    EnvironmentDialog(Environment environment, long serverCount, Consumer<Environment> onSave,
            Consumer<Environment> onDelete, Runnable onReload) {
        this(new TextField("Name"), new TextArea("Description"), environment, serverCount, onSave, onDelete, onReload);
    }

    private EnvironmentDialog(TextField name, TextArea description, Environment environment, long serverCount,
            Consumer<Environment> onSave, Consumer<Environment> onDelete, Runnable onReload) {
        super(environment.isNew() ? "New environment" : "Environment " + environment.getName(), "min(32rem, 95vw)",
                form(name, description), onReload);
        this.name = name;
        this.description = description;
        this.formError = formError();
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(FieldLimits.maxLength(Environment.class, "name"));
        name.setHelperText("Lower-case letters, digits, dash and underscore; servers and inventories refer to it");
        description.setMaxLength(FieldLimits.maxLength(Environment.class, "description"));
        binder.bindInstanceFields(this);
        binder.setBean(environment);

        addCancel("Cancel");
        if (!environment.isNew()) {
            addDelete(() -> delete(environment, serverCount, onDelete));
        }
        addSave(new EditForm<>() {
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
        }, onSave);
        addOpenedChangeListener(e -> name.focus());
    }

    private static FormLayout form(TextField name, TextArea description) {
        var form = new FormLayout(name, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void showErrors(Map<String, String> errors) {
        var unplaced = FieldErrors.show(errors, Map.of("name", name, "description", description));
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
        confirmDelete("Delete " + environment.getName() + "?", "No server uses it. The change is recorded in the audit log.",
                () -> onDelete.accept(environment), ex -> showErrors(ex.fieldErrors()));
    }
}
