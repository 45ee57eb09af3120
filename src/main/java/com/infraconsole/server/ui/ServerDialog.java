package com.infraconsole.server.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.base.ui.StaleEditPrompt;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;

/**
 * Create or edit one server. The dialog stays open with the user's input on any refusal;
 * the caller's save and delete actions do the work and refresh the list.
 */
class ServerDialog extends Dialog {

    private final ServerForm form;
    private final Span formError = new Span();

    ServerDialog(Server server, List<Environment> environments, List<CredentialSummary> credentials, boolean canEdit,
            Consumer<Server> onSave,
            Consumer<Server> onDelete, Runnable onReload) {
        setHeaderTitle(server.isNew() ? "New server" : server.getHostname());
        setWidth("min(44rem, 95vw)");
        form = new ServerForm(environments, credentials);
        form.edit(server);
        formError.addClassName("form-error");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        add(formError, form);

        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel);
        if (!canEdit) {
            form.getContent().getChildren().forEach(c -> c.getElement().setProperty("readonly", true));
            return;
        }
        if (!server.isNew()) {
            var delete = new Button("Delete", e -> confirmDelete(server, onDelete, onReload));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().setMarginRight("auto");
            getFooter().addComponentAsFirst(delete);
        }
        var save = new Button("Save", e -> EditForm.save(this, form, formError, onSave, onReload));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> form.focus());
    }

    private void confirmDelete(Server server, Consumer<Server> onDelete, Runnable onReload) {
        var confirm = new ConfirmDialog("Delete " + server.getHostname() + "?",
                "The server leaves the inventory. Its job history stays in the audit log.", "Delete", e -> {
                    try {
                        onDelete.accept(server);
                        close();
                    } catch (InvalidInputException ex) {
                        Notifications.error(ex.getMessage());
                    } catch (StaleDataException ex) {
                        StaleEditPrompt.show(this, formError, ex, onReload);
                    }
                }, "Cancel", e -> {});
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
