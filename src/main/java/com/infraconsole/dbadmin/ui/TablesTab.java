package com.infraconsole.dbadmin.ui;

import com.infraconsole.base.ui.chart.Charts;
import com.infraconsole.base.ui.chart.Series;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import com.infraconsole.dbadmin.DbAdminText;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Table sizes as a sortable grid and a bar chart; an exact row count on demand. */
class TablesTab extends VerticalLayout {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    private static final int CHART_TABLES = 12;
    private final DatabaseAdminService service;
    private final Span exact = new Span();

    TablesTab(DatabaseAdminService service) {
        this.service = service;
        setPadding(false);
        var tables = service.tableSizes();
        exact.setId("exact-count");
        add(
                new Span("Rows marked ≈ are InnoDB's estimate from information_schema; use Count for an exact figure."),
                grid(tables),
                exact,
                chartPanel(tables));
    }

    private Grid<TableSize> grid(List<TableSize> tables) {
        var grid = new Grid<TableSize>(TableSize.class, false);
        grid.addColumn(TableSize::table).setHeader("Table").setSortable(true).setAutoWidth(true);
        grid.addColumn(TableSize::engine).setHeader("Engine").setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> (t.rowsAreEstimate() ? "≈ " : "") + COUNT.format(t.rows()))
                .setHeader("Rows (estimate)")
                .setComparator(Comparator.comparingLong(TableSize::rows))
                .setAutoWidth(true);
        grid.addColumn(t -> DbAdminText.bytes(t.dataBytes()))
                .setHeader("Data")
                .setComparator(Comparator.comparingLong(TableSize::dataBytes))
                .setAutoWidth(true);
        grid.addColumn(t -> DbAdminText.bytes(t.indexBytes()))
                .setHeader("Indexes")
                .setComparator(Comparator.comparingLong(TableSize::indexBytes))
                .setAutoWidth(true);
        grid.addColumn(t -> DbAdminText.bytes(t.totalBytes()))
                .setHeader("Total")
                .setComparator(Comparator.comparingLong(TableSize::totalBytes))
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
                    var count = new Button(
                            "Count",
                            e -> exact.setText(t.table() + ": exactly " + COUNT.format(service.exactRowCount(t.table()))
                                    + " rows"));
                    count.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    count.setAriaLabel("Exact row count of " + t.table());
                    return count;
                })
                .setHeader("Exact rows")
                .setKey("exact")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(tables);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("table-sizes");
        return grid;
    }

    private static Div chartPanel(List<TableSize> tables) {
        var panel = new Div(new Svg(chart(tables)));
        panel.addClassNames("panel", "chart-panel");
        panel.setId("table-size-chart");
        return panel;
    }

    /** The biggest tables by data and index size, in KB. */
    static String chart(List<TableSize> tables) {
        var top = tables.stream().limit(CHART_TABLES).toList();
        return Charts.bars(
                "Largest tables by size",
                "Data and index size of the " + top.size() + " largest tables, in kilobytes, from information_schema.",
                top.stream().map(TableSize::table).toList(),
                List.of(
                        new Series(
                                "Data",
                                "var(--ic-info)",
                                top.stream().map(t -> t.dataBytes() / 1024.0).toList()),
                        new Series(
                                "Indexes",
                                "var(--ic-warn)",
                                top.stream().map(t -> t.indexBytes() / 1024.0).toList())),
                kb -> DbAdminText.bytes((long) (kb * 1024)));
    }
}
