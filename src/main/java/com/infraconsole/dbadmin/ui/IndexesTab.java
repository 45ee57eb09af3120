package com.infraconsole.dbadmin.ui;

import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminModel.IndexInfo;
import com.infraconsole.dbadmin.DbAdminModel.RedundantIndex;
import com.infraconsole.dbadmin.DbAdminModel.UnusedIndex;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** Indexes per table with cardinality and uniqueness; unused and redundant indexes. */
class IndexesTab extends VerticalLayout {

    IndexesTab(DatabaseAdminService service) {
        setPadding(false);
        var all = service.indexes();
        var grid = new Grid<IndexInfo>(IndexInfo.class, false);
        grid.addColumn(IndexInfo::table).setHeader("Table").setSortable(true).setAutoWidth(true);
        grid.addColumn(IndexInfo::index).setHeader("Index").setSortable(true).setAutoWidth(true);
        grid.addColumn(IndexInfo::columns).setHeader("Columns").setFlexGrow(2);
        grid.addColumn(IndexInfo::cardinality)
                .setHeader("Cardinality")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(i -> i.primary() ? "primary" : i.unique() ? "unique" : "")
                .setHeader("Unique")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(IndexInfo::type).setHeader("Type").setAutoWidth(true);
        grid.setItems(all);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("24rem");
        grid.setId("indexes");
        var table = new ComboBox<String>();
        table.setPlaceholder("All tables");
        table.setAriaLabel("Table");
        table.setClearButtonVisible(true);
        table.setItems(all.stream().map(IndexInfo::table).distinct().toList());
        table.addValueChangeListener(e -> grid.setItems(
                e.getValue() == null
                        ? all
                        : all.stream()
                                .filter(i -> i.table().equals(e.getValue()))
                                .toList()));
        add(table, grid);

        var unused = service.unusedIndexes();
        add(new H3("Unused indexes"));
        add(note(unused.message(), unused.grant(), !unused.enabled(), "unused-note"));
        if (unused.enabled()) {
            add(unusedGrid(unused.indexes()));
        }
        var redundant = service.redundantIndexes();
        add(
                new H3("Redundant indexes"),
                note(redundant.message(), redundant.grant(), !redundant.available(), "redundant-note"));
        if (redundant.available()) {
            add(redundantGrid(redundant.indexes()));
        }
    }

    /** grant: the statement a database administrator runs to allow what the account may not read, or null. */
    private static Div note(String text, String grant, boolean warning, String id) {
        var note = new Div(new Span(text));
        if (grant != null) {
            var statement = new Pre(grant + ";");
            statement.addClassName("sql");
            statement.setId(id.replace("-note", "-grant"));
            note.add(statement);
        }
        note.addClassName(warning ? "notice" : "muted");
        note.setId(id);
        return note;
    }

    private static Grid<UnusedIndex> unusedGrid(List<UnusedIndex> rows) {
        var grid = new Grid<UnusedIndex>(UnusedIndex.class, false);
        grid.addColumn(UnusedIndex::table).setHeader("Table").setSortable(true);
        grid.addColumn(UnusedIndex::index).setHeader("Index").setSortable(true);
        grid.setItems(rows);
        grid.setEmptyStateText("Every secondary index has been used since the server started.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setId("unused-indexes");
        return grid;
    }

    private static Grid<RedundantIndex> redundantGrid(List<RedundantIndex> rows) {
        var grid = new Grid<RedundantIndex>(RedundantIndex.class, false);
        grid.addColumn(RedundantIndex::table)
                .setHeader("Table")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(r -> r.redundantIndex() + " (" + r.redundantColumns() + ")")
                .setHeader("Redundant index");
        grid.addColumn(r -> r.dominantIndex() + " (" + r.dominantColumns() + ")")
                .setHeader("Covered by");
        grid.addColumn(RedundantIndex::dropStatement)
                .setHeader("Drop statement")
                .setFlexGrow(2);
        grid.setItems(rows);
        grid.setEmptyStateText("No redundant indexes.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setId("redundant-indexes");
        return grid;
    }
}
