package com.infraconsole.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a secret once, to copy; it is stored encrypted and no screen shows it again. */
class SecretDialog extends Dialog {

    SecretDialog(String title, String intro, String secret, String example) {
        setHeaderTitle(title);
        setWidth("min(44rem, 95vw)");
        setCloseOnOutsideClick(false);
        var field = new TextField("Secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setHelperText("Shown this once. Copy it now into the caller's secret store.");
        add(new Paragraph(intro), field);
        if (example != null) {
            var sample = new TextArea("Example call");
            sample.setValue(example);
            sample.setReadOnly(true);
            sample.setWidthFull();
            sample.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
            add(sample);
        }
        var done = new Button("I have copied it", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
