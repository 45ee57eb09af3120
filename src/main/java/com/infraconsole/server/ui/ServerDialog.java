package com.infraconsole.server.ui;

import com.infraconsole.base.ui.EditDialog;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import java.util.List;
import java.util.function.Consumer;

/**
 * Create or edit one server. The dialog stays open with the user's input on any refusal;
 * the caller's save and delete actions do the work and refresh the list.
 */
class ServerDialog extends EditDialog<Server> {

    ServerDialog(
            Server server,
            List<Environment> environments,
            List<CredentialSummary> credentials,
            boolean canEdit,
            Consumer<Server> onSave,
            Consumer<Server> onDelete,
            Runnable onReload) {
        this(new ServerForm(environments, credentials), server, canEdit, onSave, onDelete, onReload);
    }

    private ServerDialog(
            ServerForm form,
            Server server,
            boolean canEdit,
            Consumer<Server> onSave,
            Consumer<Server> onDelete,
            Runnable onReload) {
        super(server.isNew() ? "New server" : server.getHostname(), "min(44rem, 95vw)", form, onReload);
        form.edit(server);
        addCancel("Cancel");
        if (!canEdit) {
            form.getContent().getChildren().forEach(c -> c.getElement().setProperty("readonly", true));
            return;
        }
        if (!server.isNew()) {
            addDelete(() -> confirmDelete(
                    "Delete " + server.getHostname() + "?",
                    "The server leaves the inventory. Its job history stays in the audit log.",
                    () -> onDelete.accept(server),
                    ex -> Notifications.error(ex.getMessage())));
        }
        addSave(form, onSave);
        addOpenedChangeListener(e -> form.focus());
    }
}
