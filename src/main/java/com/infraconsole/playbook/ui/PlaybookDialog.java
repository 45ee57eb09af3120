package com.infraconsole.playbook.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.base.ui.StaleEditPrompt;
import com.infraconsole.playbook.Playbook;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/**
 * Create or edit one playbook. The dialog stays open with the user's input on any refusal;
 * the caller's save and delete actions do the work and refresh the list.
 */
class PlaybookDialog extends Dialog {

    private final PlaybookForm form = new PlaybookForm();
    private final Span formError = new Span();

    PlaybookDialog(Playbook playbook, boolean canEdit, Consumer<Playbook> onSave, Consumer<Playbook> onDelete,
            Runnable onHistory, Runnable onReload) {
        setHeaderTitle(playbook.isNew() ? "New playbook" : playbook.getName());
        setWidth("min(64rem, 96vw)");
        form.edit(playbook);
        formError.addClassName("form-error");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        add(formError, form);

        if (!playbook.isNew()) {
            var history = new Button("History", VaadinIcon.TIME_BACKWARD.create(), e -> onHistory.run());
            history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getHeader().add(history);
        }
        getFooter().add(new Button(canEdit ? "Cancel" : "Close", e -> close()));
        if (!canEdit) {
            form.setReadOnly(true);
            return;
        }
        if (!playbook.isNew()) {
            var delete = new Button("Delete", e -> confirmDelete(playbook, onDelete, onReload));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().setMarginRight("auto");
            getFooter().addComponentAsFirst(delete);
        }
        var save = new Button("Save", e -> EditForm.save(this, form, formError, onSave, onReload));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> form.focus());
    }

    private void confirmDelete(Playbook playbook, Consumer<Playbook> onDelete, Runnable onReload) {
        var confirm = new ConfirmDialog("Delete " + playbook.getName() + "?",
                "The playbook and its saved versions are deleted. The audit log keeps the record.", "Delete", e -> {
                    try {
                        onDelete.accept(playbook);
                        close();
                    } catch (InvalidInputException ex) {
                        formError.setText(ex.getMessage());
                        Notifications.error(ex.getMessage());
                    } catch (StaleDataException ex) {
                        StaleEditPrompt.show(this, formError, ex, onReload);
                    }
                }, "Cancel", e -> {});
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
