package com.infraconsole.dbadmin.ui;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.dbadmin.BackupModel;
import com.infraconsole.dbadmin.BackupModel.RollbackPoint;
import com.infraconsole.dbadmin.BackupModel.RollbackResult;
import com.infraconsole.dbadmin.BackupRefusedException;
import com.infraconsole.dbadmin.BackupService;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminModel.MigrateResult;
import com.infraconsole.dbadmin.DbAdminModel.MigrationRow;
import com.infraconsole.dbadmin.DbAdminModel.MigrationStatus;
import com.infraconsole.dbadmin.RollbackService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Comparator;

/**
 * Flyway history, pending scripts with their SQL, validation, migrate after a backup, a backup on
 * demand, and the guided rollback to before a migration that has a pre-migration backup.
 */
class MigrationsTab extends VerticalLayout {

    private final DatabaseAdminService service;
    private final BackupService backups;
    private final RollbackService rollbacks;
    private MigrateResult lastResult;
    private Div lastAction;

    MigrationsTab(DatabaseAdminService service, BackupService backups, RollbackService rollbacks) {
        this.service = service;
        this.backups = backups;
        this.rollbacks = rollbacks;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        var status = service.migrations();
        var summary = new Div(
                new Span("Current version: "
                        + (status.currentVersion() == null
                                ? "none"
                                : status.currentVersion() + " (" + status.currentDescription() + ")")),
                Badges.badge(
                        status.pending().size() + " pending",
                        status.pending().isEmpty() ? Badges.Tone.SUCCESS : Badges.Tone.WARNING),
                Badges.badge(
                        status.failed().size() + " failed",
                        status.failed().isEmpty() ? Badges.Tone.SUCCESS : Badges.Tone.ERROR),
                Badges.badge(
                        status.valid() ? "validation OK" : "validation failed",
                        status.valid() ? Badges.Tone.SUCCESS : Badges.Tone.ERROR));
        var backupNow = new Button("Back up now", e -> backUpNow());
        backupNow.setId("backup-now");
        summary.add(backupNow);
        summary.addClassName("toolbar");
        summary.setId("migration-summary");
        add(summary);
        if (lastAction != null) {
            add(lastAction);
        } else if (lastResult != null && lastResult.backupFile() != null) {
            add(lastBackup());
        }
        add(
                new Span(
                        status.migrateOnStart()
                                ? "Pending migrations are applied when the console starts (the default)."
                                : "Migrating on start is switched off: review pending migrations and apply them here after a backup."));
        if (!status.valid()) {
            var errors = new Div();
            errors.addClassName("notice");
            errors.setId("validation-errors");
            status.validationErrors().forEach(e -> errors.add(new Paragraph(e)));
            add(errors);
        }
        if (!status.pending().isEmpty()) {
            add(new H3("Pending migrations"));
            status.pending().forEach(p -> {
                var sql = new Pre(p.sql());
                sql.addClassName("sql");
                var body = new Div();
                p.risks().forEach(r -> {
                    var risk = new Paragraph("Risk: " + r);
                    risk.addClassName("notice");
                    body.add(risk);
                });
                body.add(sql);
                var details = new Details(
                        "V" + p.migration().version() + " " + p.migration().description()
                                + (p.risks().isEmpty() ? "" : " (" + p.risks().size() + " risky statement(s))"),
                        body);
                details.setOpened(!p.risks().isEmpty());
                details.addClassName("pending-migration");
                add(details);
            });
            var apply = new Button("Apply " + status.pending().size() + " pending migration(s)…", e -> confirm(status));
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            apply.setId("apply-migrations");
            add(apply);
        }
        add(new H3("History"), history(status));
    }

    private void backUpNow() {
        BackupModel.Backup backup;
        try {
            backup = backups.backup(null, "manual");
        } catch (RuntimeException e) {
            Notifications.error("Backup failed: " + e.getMessage());
            return;
        }
        lastResult = null;
        lastAction = notice(
                "manual-backup",
                "Backup taken: " + backup.file(),
                "SHA-256 " + backup.manifest().sha256() + "; schema version "
                        + backup.manifest().schemaVersion() + ", "
                        + backup.manifest().totalRows() + " rows");
        Notifications.success("Backup written to " + backup.file());
        refresh();
    }

    private void rolledBack(RollbackResult r) {
        lastResult = null;
        lastAction = notice(
                "rollback-result",
                "Rolled back to before V" + r.version() + ": schema version " + r.fromVersion() + " is now "
                        + r.toVersion() + " (" + String.join(", ", r.rolledBack()) + " undone).",
                "Restored " + r.restore().restored().file() + " (" + r.restore().statements()
                        + " statements); the state " + "before the rollback is in "
                        + r.restore().before().file() + ".",
                (r.chainIntact() ? "Audit chain verified: " : "Audit chain NOT intact: ") + r.chainMessage(),
                "Next: stop every console node and start the release that matches schema version " + r.toVersion()
                        + ". This release will not apply V" + r.version() + " again on start; applying it again is a "
                        + "deliberate step (Apply below, or init-db).");
        if (r.chainIntact()) {
            Notifications.success("Rolled back to before V" + r.version());
        } else {
            Notifications.error("Rolled back to before V" + r.version() + ", but the audit chain did not verify");
        }
        refresh();
    }

    private static Div notice(String id, String... lines) {
        var note = new Div();
        for (var line : lines) {
            note.add(new Paragraph(line));
        }
        note.addClassName("notice");
        note.setId(id);
        return note;
    }

    private Grid<MigrationRow> history(MigrationStatus status) {
        var points = rollbacks.rollbackPoints().stream()
                .collect(java.util.stream.Collectors.toMap(RollbackPoint::version, p -> p, (a, b) -> a));
        var grid = new Grid<MigrationRow>(MigrationRow.class, false);
        grid.addColumn(MigrationRow::version)
                .setHeader("Version")
                .setAutoWidth(true)
                .setComparator(Comparator.comparing(MigrationRow::version, MigrationsTab::compareVersions));
        grid.addColumn(MigrationRow::description)
                .setHeader("Description")
                .setSortable(true)
                .setWidth("18rem")
                .setFlexGrow(2);
        grid.addColumn(MigrationRow::type).setHeader("Type").setSortable(true).setAutoWidth(true);
        grid.addColumn(MigrationRow::state).setHeader("State").setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> UtcTime.format(m.installedOn()))
                .setHeader("Installed on")
                .setComparator(Comparator.comparing(
                        MigrationRow::installedOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .setAutoWidth(true);
        grid.addColumn(MigrationRow::installedBy)
                .setHeader("By")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(m -> m.executionMillis() == null ? "" : m.executionMillis() + " ms")
                .setHeader("Time")
                .setComparator(Comparator.comparing(
                        MigrationRow::executionMillis, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setAutoWidth(true);
        grid.addColumn(MigrationRow::checksum).setHeader("Checksum").setAutoWidth(true);
        grid.addComponentColumn(m -> {
                    var point = points.get(m.version());
                    if (point == null) {
                        return new Span();
                    }
                    var button = new Button(
                            "Roll back to before V" + m.version() + "…",
                            e -> new RollbackDialog(rollbacks, point, status.currentVersion(), this::rolledBack)
                                    .open());
                    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    button.setId("rollback-" + m.version());
                    return button;
                })
                .setHeader("Rollback")
                .setAutoWidth(true)
                .setKey("rollback");
        grid.setItems(status.history());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("migration-history");
        return grid;
    }

    private void confirm(MigrationStatus status) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Apply " + status.pending().size() + " migration(s)");
        boolean backsUp = service.backsUpBeforeMigrate();
        var backup = new Checkbox("I have a current backup of this database and know how to restore it");
        var apply = new Button(backsUp ? "Back up, verify and apply" : "Apply migrations", e -> {
            try {
                lastResult = service.applyPendingMigrations(backup.getValue());
                lastAction = null;
            } catch (BackupRefusedException ex) {
                dialog.close();
                Notifications.error(ex.getMessage());
                return;
            }
            dialog.close();
            Notifications.success("Applied " + lastResult.applied() + " migration(s); schema version is now "
                    + lastResult.toVersion());
            refresh();
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        apply.setId("confirm-apply");
        dialog.add(new Paragraph(
                "Migrations change the schema for every console node. The action is recorded in the " + "audit log."));
        if (backsUp) {
            dialog.add(new Paragraph("A backup (db-backup) is taken first and verified by restoring it into a scratch "
                    + "schema and comparing table counts; nothing is migrated if that fails. To roll back afterwards, "
                    + "use \"Roll back to before V…\" in the history below, or db-restore."));
        } else {
            apply.setEnabled(false);
            backup.addValueChangeListener(e -> apply.setEnabled(e.getValue()));
            dialog.add(new Paragraph("INFRA_BACKUP_BEFORE_MIGRATE=false: no backup is taken here."), backup);
        }
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), apply);
        dialog.open();
    }

    /** Where the backup of the last Apply went, kept on the tab: it is the way back. */
    private Div lastBackup() {
        var note = new Div(
                new Paragraph("Backup taken and verified before the last Apply: " + lastResult.backupFile()),
                new Paragraph("SHA-256 " + lastResult.backupSha256() + "; to roll back: db-restore "
                        + lastResult.backupFile()));
        note.addClassName("notice");
        note.setId("last-backup");
        return note;
    }

    static int compareVersions(String a, String b) {
        var x = a.split("\\.");
        var y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && x[i].matches("\\d+") ? Long.parseLong(x[i]) : 0;
            long q = i < y.length && y[i].matches("\\d+") ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
