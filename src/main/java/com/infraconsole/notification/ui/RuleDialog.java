package com.infraconsole.notification.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.notification.NotificationChannel;
import com.infraconsole.notification.NotificationEvent;
import com.infraconsole.notification.NotificationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A new notification rule. The destination is typed into a password field: an incoming-webhook
 * URL is a credential, and it is never shown again after saving.
 */
class RuleDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Select<NotificationEvent> event = new Select<>();
    final Select<NotificationChannel> channel = new Select<>();
    final PasswordField destination = new PasswordField("Destination");
    final Span formError = new Span();

    RuleDialog(Consumer<NotificationService.NewRule> onSave) {
        setHeaderTitle("New notification rule");
        setWidth("min(36rem, 95vw)");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        event.setLabel("When");
        event.setItems(NotificationEvent.values());
        event.setItemLabelGenerator(NotificationEvent::label);
        channel.setLabel("Send by");
        channel.setItems(NotificationChannel.values());
        channel.setItemLabelGenerator(NotificationChannel::label);
        channel.addValueChangeListener(e -> destination.setHelperText(
                e.getValue() == NotificationChannel.EMAIL
                        ? "Email addresses, separated by commas (the SMTP server is set by SPRING_MAIL_HOST)"
                        : e.getValue() == NotificationChannel.WEBHOOK
                                ? "The receiver's URL; each POST is signed with a secret shown once after saving"
                                : "The channel's incoming-webhook URL; it is stored encrypted and never shown again"));
        destination.setRevealButtonVisible(true);
        destination.setWidthFull();
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var form = new FormLayout(name, event, channel, destination);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        getFooter().add(new Button("Cancel", e -> close()));
        var save = new Button("Create", e -> {
            formError.setText("");
            name.setInvalid(false);
            event.setInvalid(false);
            channel.setInvalid(false);
            destination.setInvalid(false);
            try {
                onSave.accept(new NotificationService.NewRule(
                        name.getValue(), event.getValue(), channel.getValue(), destination.getValue()));
                close();
            } catch (InvalidInputException ex) {
                var unplaced = FieldErrors.show(
                        ex.fieldErrors(),
                        Map.of("name", name, "event", event, "channel", channel, "destination", destination));
                formError.setText(String.join(" ", unplaced));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> name.focus());
    }
}
