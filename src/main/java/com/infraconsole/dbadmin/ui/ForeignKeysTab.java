package com.infraconsole.dbadmin.ui;

import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminModel.ForeignKey;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Foreign keys as the old guide's verification query listed them, plus the ON DELETE rule. */
class ForeignKeysTab extends VerticalLayout {

    ForeignKeysTab(DatabaseAdminService service) {
        setPadding(false);
        setSizeFull();
        var grid = new Grid<ForeignKey>(ForeignKey.class, false);
        grid.addColumn(ForeignKey::table).setHeader("Table").setSortable(true).setAutoWidth(true);
        grid.addColumn(ForeignKey::column).setHeader("Column").setSortable(true).setAutoWidth(true);
        grid.addColumn(ForeignKey::constraint)
                .setHeader("Constraint")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(ForeignKey::referencedTable)
                .setHeader("Referenced table")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(ForeignKey::referencedColumn)
                .setHeader("Referenced column")
                .setAutoWidth(true);
        grid.addColumn(ForeignKey::onDelete).setHeader("On delete").setAutoWidth(true);
        grid.setItems(service.foreignKeys());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("foreign-keys");
        grid.setSizeFull();
        add(grid);
    }
}
