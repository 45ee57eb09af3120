package com.infraconsole.base.ui;

import com.infraconsole.base.StaleDataException;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * What every edit dialog does when someone else saved first: say who and when at the top of the
 * form, keep the user's input where it is, and offer to reload the other person's version.
 */
public final class StaleEditPrompt {

    private StaleEditPrompt() {}

    /**
     * @param editor the dialog holding the user's input; closed only if they choose to reload
     * @param formError where the form shows errors that belong to no single field
     * @param onReload opens the current version
     */
    public static void show(Dialog editor, HasText formError, StaleDataException ex, Runnable onReload) {
        formError.setText(ex.getMessage() + " Your changes are still in the form.");
        new ConfirmDialog(
                        "Saved by someone else",
                        ex.getMessage()
                                + " Reload to see their version (your input is discarded), or keep editing to copy your input first.",
                        "Reload",
                        e -> {
                            editor.close();
                            onReload.run();
                        },
                        "Keep editing",
                        e -> {})
                .open();
    }
}
