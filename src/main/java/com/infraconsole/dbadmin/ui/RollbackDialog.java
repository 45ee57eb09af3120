package com.infraconsole.dbadmin.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.UtcTime;
import com.infraconsole.dbadmin.BackupModel.RollbackPoint;
import com.infraconsole.dbadmin.BackupModel.RollbackResult;
import com.infraconsole.dbadmin.RollbackService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * "Roll back to before VX": says what is lost and what is kept, names the backup, and restores only
 * once the database's name (or the version) is typed. The result goes back to the tab.
 */
class RollbackDialog extends Dialog {

    RollbackDialog(RollbackService service, RollbackPoint point, String currentVersion, Consumer<RollbackResult> done) {
        var m = point.backup().manifest();
        var database = service.databaseName();
        setHeaderTitle("Roll back to before V" + point.version());
        setWidth("44rem");
        var details = new Pre("File:    " + point.backup().file() + "\nSHA-256: " + m.sha256() + "\nTaken:   "
                + UtcTime.format(Instant.parse(m.createdAt())) + " by " + m.createdBy()
                + "\nSchema:  version " + m.schemaVersion() + ", " + m.tables().size() + " tables, " + m.totalRows()
                + " rows");
        details.setId("rollback-backup");
        var confirm = new TextField("Type " + database + " or V" + point.version() + " to confirm");
        confirm.setId("rollback-confirmation");
        confirm.setWidthFull();
        var restore = new Button("Back up current state and roll back", e -> {
            try {
                var result = service.rollBackBefore(point.version(), confirm.getValue());
                close();
                done.accept(result);
            } catch (InvalidInputException ex) {
                confirm.setInvalid(true);
                confirm.setErrorMessage(ex.getMessage());
            }
        });
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        restore.setId("confirm-rollback");
        restore.setEnabled(false);
        confirm.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        confirm.addValueChangeListener(e -> restore.setEnabled(!e.getValue().isBlank()));
        add(
                new Paragraph("This restores " + database + " to the backup taken just before V" + point.version()
                        + " ("
                        + point.description() + ") was applied, bringing the schema from version " + currentVersion
                        + " back to " + m.schemaVersion() + "."),
                new Paragraph("Lost: every change made since that backup was taken, on every console node: data, "
                        + "users, jobs, audit rows and every migration from V" + point.version()
                        + " on. The current state "
                        + "is backed up first (…-pre-restore.sql.gz), so nothing is gone for good."),
                new Paragraph("The backup's SHA-256 is checked against its manifest before anything changes, and the "
                        + "audit chain is verified afterwards. Then stop every console node and start the release that "
                        + "matches schema version " + m.schemaVersion() + "."),
                details,
                confirm);
        getFooter().add(new Button("Cancel", e -> close()), restore);
    }
}
