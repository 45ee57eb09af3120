package com.infraconsole.base.ui;

import com.infraconsole.base.DatabaseUnavailable;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Map;
import java.util.function.Consumer;

/** The form of an edit dialog: checks its fields, hands over the edited bean, shows the service's field messages. */
public interface EditForm<T> {

    /** Validates the fields; the bean is only written when everything is valid. */
    boolean isValid();

    T bean();

    /** Shows the service's per-field messages next to the fields they belong to. */
    void showErrors(Map<String, String> errors);

    /**
     * What every edit dialog's Save does: nothing is sent while a field is invalid; the service's
     * refusals land at their fields (or the form's error line); when someone else saved first, the
     * input stays and a reload is offered; when the database does not answer, the input stays and
     * the error line says that nothing was saved. The dialog closes only on success.
     */
    static <T> void save(Dialog dialog, EditForm<T> form, HasText formError, Consumer<T> onSave, Runnable onReload) {
        formError.setText("");
        if (!form.isValid()) {
            return;
        }
        try {
            onSave.accept(form.bean());
            dialog.close();
        } catch (InvalidInputException ex) {
            // The form's line first: a form may put messages for fields it does not have there too.
            formError.setText(ex.fieldErrors().getOrDefault("", ""));
            form.showErrors(ex.fieldErrors());
        } catch (StaleDataException ex) {
            StaleEditPrompt.show(dialog, formError, ex, onReload);
        } catch (RuntimeException ex) {
            // The database is down or frozen: the transaction rolled back; the input stays for a retry.
            if (!DatabaseUnavailable.isCause(ex)) {
                throw ex;
            }
            formError.setText(DatabaseUnavailable.messageFor(ex));
        }
    }
}
