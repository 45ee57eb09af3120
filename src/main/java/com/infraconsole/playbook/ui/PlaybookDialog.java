package com.infraconsole.playbook.ui;

import com.infraconsole.base.ui.EditDialog;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.playbook.Playbook;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/**
 * Create or edit one playbook. The dialog stays open with the user's input on any refusal;
 * the caller's save and delete actions do the work and refresh the list.
 */
class PlaybookDialog extends EditDialog<Playbook> {

    PlaybookDialog(
            Playbook playbook,
            boolean canEdit,
            Consumer<Playbook> onSave,
            Consumer<Playbook> onDelete,
            Runnable onHistory,
            Runnable onReload) {
        this(new PlaybookForm(), playbook, canEdit, onSave, onDelete, onHistory, onReload);
    }

    private PlaybookDialog(
            PlaybookForm form,
            Playbook playbook,
            boolean canEdit,
            Consumer<Playbook> onSave,
            Consumer<Playbook> onDelete,
            Runnable onHistory,
            Runnable onReload) {
        super(playbook.isNew() ? "New playbook" : playbook.getName(), "min(64rem, 96vw)", form, onReload);
        form.edit(playbook);
        if (!playbook.isNew()) {
            var history = new Button("History", VaadinIcon.TIME_BACKWARD.create(), e -> onHistory.run());
            history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getHeader().add(history);
        }
        addCancel(canEdit ? "Cancel" : "Close");
        if (!canEdit) {
            form.setReadOnly(true);
            return;
        }
        if (!playbook.isNew()) {
            addDelete(() -> confirmDelete(
                    "Delete " + playbook.getName() + "?",
                    "The playbook and its saved versions are deleted. The audit log keeps the record.",
                    () -> onDelete.accept(playbook),
                    ex -> {
                        formError().setText(ex.getMessage());
                        Notifications.error(ex.getMessage());
                    }));
        }
        addSave(form, onSave);
        addOpenedChangeListener(e -> form.focus());
    }
}
