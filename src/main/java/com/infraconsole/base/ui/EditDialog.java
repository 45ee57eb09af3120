package com.infraconsole.base.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;

/**
 * The shell every create-or-edit dialog shares: title, width, the form's error line above the
 * form, and a footer of [Delete] ... [Cancel] [Save]. Save goes through {@link EditForm#save}, Delete
 * through a confirmation; both keep the dialog and the user's input open on any refusal and offer
 * a reload when someone else saved first. A feature's dialog composes its parts in its constructor
 * (which buttons, what Delete asks, what a refused delete shows) and holds no save logic itself.
 */
public class EditDialog<T> extends Dialog {

    private final Span formError = new Span();
    private final Runnable onReload;

    /** @param onReload opens the current version, when the user gives up their stale input */
    protected EditDialog(String title, String width, Component form, Runnable onReload) {
        this.onReload = onReload;
        setHeaderTitle(title);
        setWidth(width);
        formError.addClassName("form-error");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        add(formError, form);
    }

    /** The line for errors that belong to no single field. */
    protected Span formError() {
        return formError;
    }

    protected void addCancel(String label) {
        getFooter().add(new Button(label, e -> close()));
    }

    /** Save, the primary button: nothing is sent while a field is invalid; closes only on success. */
    protected void addSave(EditForm<T> form, Consumer<T> onSave) {
        var save = new Button("Save", e -> EditForm.save(this, form, formError, onSave, onReload));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
    }

    /** Delete, set apart at the start of the footer; {@code onClick} decides whether to ask. */
    protected void addDelete(Runnable onClick) {
        var delete = new Button("Delete", e -> onClick.run());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.getStyle().setMarginRight("auto");
        getFooter().addComponentAsFirst(delete);
    }

    /**
     * Asks, then deletes and closes. A refusal goes to {@code onRefused}; a record someone else
     * changed meanwhile gets the stale-edit prompt.
     */
    protected void confirmDelete(
            String question, String consequence, Runnable delete, Consumer<InvalidInputException> onRefused) {
        var confirm = new ConfirmDialog(
                question,
                consequence,
                "Delete",
                e -> {
                    try {
                        delete.run();
                        close();
                    } catch (InvalidInputException ex) {
                        onRefused.accept(ex);
                    } catch (StaleDataException ex) {
                        StaleEditPrompt.show(this, formError, ex, onReload);
                    }
                },
                "Cancel",
                e -> {});
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
