package com.infraconsole.audit.ui;

import com.infraconsole.audit.AuditRow;
import com.infraconsole.base.UtcTime;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The selected row: who did what, from where, and each changed field before and after. */
class AuditDetail extends VerticalLayout {

    private final H3 title = new H3();
    private final Div facts = new Div();
    private final Grid<FieldChange> diff = new Grid<>(FieldChange.class, false);
    private final Paragraph noChanges = new Paragraph("No field changes recorded for this entry.");

    AuditDetail() {
        addClassName("audit-detail");
        setPadding(true);
        setWidth("34rem");
        getStyle().set("border-left", "1px solid var(--lumo-contrast-10pct)").set("overflow", "auto");
        facts.addClassName("audit-facts");
        diff.addColumn(FieldChange::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        diff.addColumn(FieldChange::before).setHeader("Before").setFlexGrow(1);
        diff.addColumn(FieldChange::after).setHeader("After").setFlexGrow(1);
        diff.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        diff.setAllRowsVisible(true);
        diff.setId("audit-diff");
        add(title, facts, diff, noChanges);
        show(null);
    }

    void show(AuditRow row) {
        setVisible(row != null);
        if (row == null) {
            return;
        }
        title.setText("#" + row.seq() + " " + row.action()
                + (row.entityType() == null
                        ? ""
                        : " " + row.entityType() + (row.entityId() == null ? "" : " " + row.entityId())));
        facts.removeAll();
        fact("When", UtcTime.format(row.occurredAt()));
        fact("Who", row.username() + (row.userId() == null ? "" : " (user id " + row.userId() + ")"));
        fact("Outcome", row.outcome());
        fact("Client IP", row.clientIp());
        fact("Browser", row.userAgent());
        fact("Hash", row.hash().substring(0, 16) + "…");
        fact("Previous", row.prevHash().substring(0, 16) + "…");
        var changes = FieldChange.parse(row.changes());
        diff.setItems(changes);
        diff.setVisible(!changes.isEmpty());
        noChanges.setVisible(changes.isEmpty());
    }

    private void fact(String label, String value) {
        var name = new Span(label);
        name.addClassName("audit-fact-label");
        name.getStyle()
                .set("display", "inline-block")
                .set("width", "6rem")
                .set("color", "var(--lumo-secondary-text-color)");
        var line = new Div(name, new Span(value == null ? "(none)" : value));
        line.addClassName("audit-fact");
        facts.add(line);
    }
}
