package com.infraconsole.playbook.ui;

import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookYaml;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationResult;
import java.util.Map;

/** Name, description and YAML of a playbook. The YAML is checked as the user leaves the editor, and again by the service. */
class PlaybookForm extends Composite<FormLayout> implements EditForm<Playbook> {

    static final String MONO = "ui-monospace, \"DejaVu Sans Mono\", Menlo, Consolas, monospace";

    private final BeanValidationBinder<Playbook> binder = new BeanValidationBinder<>(Playbook.class);
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextArea content = new TextArea("YAML");

    PlaybookForm() {
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(FieldLimits.maxLength(Playbook.class, "name"));
        name.setPlaceholder("deploy-web");
        description.setMaxLength(FieldLimits.maxLength(Playbook.class, "description"));
        description.setMaxHeight("8rem");
        content.setRequiredIndicatorVisible(true);
        content.setMaxLength(FieldLimits.maxLength(Playbook.class, "content"));
        content.addClassName("mono");
        content.addClassName("yaml-editor");
        // The font must reach the native textarea inside the component, so set Lumo's variable too.
        content.getStyle()
                .set("--lumo-font-family", MONO)
                .set("font-family", MONO)
                .set("--vaadin-input-field-value-font-size", "var(--lumo-font-size-s)");
        content.setMinHeight("20rem");
        content.setMaxHeight("55vh");
        content.setPlaceholder("- hosts: webservers\n  tasks:\n    - name: ping\n      ansible.builtin.ping:");
        content.setHelperText("A list of plays, each with hosts and tasks or roles. Errors name the line.");
        content.getElement().setAttribute("spellcheck", "false");

        binder.forField(content)
                .asRequired("Content is required: a YAML list of plays")
                .withValidator((value, ctx) -> PlaybookYaml.problemWith(value)
                        .map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind(Playbook::getContent, Playbook::setContent);
        binder.bindInstanceFields(this);
        var form = getContent();
        form.add(name, description, content);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    }

    void edit(Playbook playbook) {
        binder.setBean(playbook);
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    @Override
    public boolean isValid() {
        return binder.validate().isOk();
    }

    @Override
    public Playbook bean() {
        return binder.getBean();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        FieldErrors.show(errors, Map.of("name", name, "description", description, "content", content));
    }

    void focus() {
        name.focus();
    }
}
