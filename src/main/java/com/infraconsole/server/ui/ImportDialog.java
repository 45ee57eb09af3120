package com.infraconsole.server.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.BoundedUpload;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.server.Environment;
import com.infraconsole.server.ImportFormat;
import com.infraconsole.server.ImportLimitException;
import com.infraconsole.server.ImportReport;
import com.infraconsole.server.ImportReport.Outcome;
import com.infraconsole.server.ServerTransferService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Import servers from a CSV file or an Ansible INI inventory. Uploading shows a preview, row by
 * row, and writes nothing; "Import" then creates every new valid row in one transaction and
 * leaves duplicates and rejected rows out. If the database refuses any row, nothing is imported.
 */
class ImportDialog extends Dialog {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final String TOO_LARGE =
            "The file is larger than 2 MB. Import at most 2 MB at a time. Nothing was imported.";

    private final ServerTransferService transfer;
    private final Runnable onImported;
    final RadioButtonGroup<ImportFormat> format = new RadioButtonGroup<>("Format");
    final ComboBox<Environment> defaultEnvironment = new ComboBox<>("Default environment");
    final Grid<ImportReport.Row> report = new Grid<>();
    final Paragraph summary = new Paragraph();
    final Span formError = new Span();
    final Button importButton = new Button("Import");
    private String content;
    private String fileName;
    /**
     * The server side of the upload: the 2 MB limit holds whatever the browser sends. It runs on
     * the upload's request thread, which carries the person's sign-in, so the refusal is audited
     * there; the screen is updated under the session lock.
     */
    final BoundedUpload uploadHandler;

    ImportDialog(ServerTransferService transfer, List<Environment> environments, Runnable onImported) {
        this.transfer = transfer;
        this.onImported = onImported;
        uploadHandler = new BoundedUpload(
                MAX_BYTES,
                TOO_LARGE,
                (name, bytes) -> getUI().ifPresent(ui -> ui.access(() -> load(name, bytes))),
                (name, message) -> {
                    transfer.recordRefusedImport(name, message);
                    getUI().ifPresent(ui -> ui.access(() -> refuse(message)));
                });
        setHeaderTitle("Import servers");
        setWidth("min(60rem, 95vw)");
        format.setItems(ImportFormat.values());
        format.setItemLabelGenerator(ImportFormat::label);
        format.setValue(ImportFormat.CSV);
        defaultEnvironment.setItems(environments);
        defaultEnvironment.setItemLabelGenerator(Environment::getName);
        defaultEnvironment.setHelperText("For rows with no environment, and inventory groups that name none");
        defaultEnvironment.setClearButtonVisible(true);
        formError.getStyle().setColor("var(--lumo-error-text-color)");

        var upload = new Upload(uploadHandler);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(e -> formError.setText(e.getErrorMessage()));
        format.addValueChangeListener(e -> preview());
        defaultEnvironment.addValueChangeListener(e -> preview());

        report.addColumn(ImportReport.Row::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        report.addColumn(ImportReport.Row::hostname)
                .setHeader("Hostname")
                .setAutoWidth(true)
                .setFlexGrow(1);
        report.addComponentColumn(this::outcome)
                .setHeader("Outcome")
                .setAutoWidth(true)
                .setFlexGrow(0);
        report.addColumn(ImportReport.Row::reason).setHeader("Why").setFlexGrow(3);
        report.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        report.setHeight("18rem");
        report.setVisible(false);

        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> importValid());
        add(format, defaultEnvironment, upload, formError, summary, report);
        getFooter().add(new Button("Close", e -> close()), importButton);
    }

    void load(String text) {
        content = text;
        preview();
    }

    void load(String name, byte[] bytes) {
        fileName = name;
        load(bytes);
    }

    private void refuse(String message) {
        content = null;
        report.setVisible(false);
        summary.setText("");
        importButton.setEnabled(false);
        formError.setText(message);
    }

    /**
     * A file saved in another encoding (Excel's plain "CSV" is Windows-1252) would otherwise be
     * read with replacement characters in place of its accents and imported that way: refuse it instead.
     */
    void load(byte[] bytes) {
        try {
            load(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            refuse("The file is not UTF-8 text. Save it as UTF-8 (in Excel: \"CSV UTF-8\") and upload it again.");
        }
    }

    private void preview() {
        if (content == null) {
            return;
        }
        formError.setText("");
        try {
            show(transfer.preview(content, format.getValue(), defaultEnvironmentId()));
        } catch (ImportLimitException ex) {
            // Over the row limit: refused whole, and recorded like a file over the byte limit.
            transfer.recordRefusedImport(
                    fileName, String.join(" ", ex.fieldErrors().values()));
            showRefusal(ex);
            report.setVisible(false);
            summary.setText("");
        } catch (InvalidInputException ex) {
            showRefusal(ex);
        }
    }

    private void importValid() {
        try {
            var result = transfer.importValid(content, format.getValue(), defaultEnvironmentId());
            show(result);
            Notifications.success("Imported " + result.count(Outcome.NEW) + " servers");
            onImported.run();
        } catch (InvalidInputException ex) {
            showRefusal(ex);
        }
    }

    private void show(ImportReport result) {
        var fresh = result.count(Outcome.NEW);
        summary.setText((result.applied() ? "Created " + fresh : fresh + " new, ready to import")
                + " · " + result.count(Outcome.DUPLICATE) + " skipped as duplicates · "
                + result.count(Outcome.REJECTED) + " rejected"
                + (result.applied() ? "." : " (they will be left out)."));
        report.setItems(result.rows());
        report.setVisible(true);
        importButton.setText(result.applied() ? "Imported" : "Import " + fresh + " new servers");
        importButton.setEnabled(!result.applied() && fresh > 0);
    }

    private void showRefusal(InvalidInputException ex) {
        formError.setText(String.join(" ", ex.fieldErrors().values()));
        importButton.setEnabled(false);
    }

    private Long defaultEnvironmentId() {
        return defaultEnvironment.getValue() == null
                ? null
                : defaultEnvironment.getValue().getId();
    }

    private Span outcome(ImportReport.Row row) {
        return switch (row.outcome()) {
            case NEW -> Badges.badge("New", Badges.Tone.SUCCESS);
            case DUPLICATE -> Badges.badge("Skipped: duplicate", Badges.Tone.NEUTRAL);
            case REJECTED -> Badges.badge("Rejected", Badges.Tone.ERROR);
        };
    }
}
