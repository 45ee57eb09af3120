package com.infraconsole.playbook.ui;

import com.infraconsole.base.UtcTime;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.playbook.PlaybookVersionSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

/** The saved versions of a playbook and a side-by-side comparison of any two of them. */
class PlaybookHistoryDialog extends Dialog {

    private final PlaybookService service;
    private final long playbookId;
    private final Select<PlaybookVersionSummary> from = new Select<>();
    private final Select<PlaybookVersionSummary> to = new Select<>();
    private final DiffView diff = new DiffView();

    PlaybookHistoryDialog(PlaybookService service, Playbook playbook) {
        this.service = service;
        this.playbookId = playbook.getId();
        setHeaderTitle("History of " + playbook.getName());
        setWidth("min(90rem, 97vw)");

        var versions = service.history(playbookId);
        var grid = new Grid<PlaybookVersionSummary>();
        grid.addColumn(PlaybookVersionSummary::versionNo)
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> UtcTime.format(v.savedAt())).setHeader("Saved").setAutoWidth(true);
        grid.addColumn(PlaybookVersionSummary::savedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(PlaybookVersionSummary::name).setHeader("Name").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(versions);
        grid.setAllRowsVisible(versions.size() <= 6);
        if (versions.size() > 6) {
            grid.setHeight("14rem");
        }
        // Clicking a row compares it with the version before it.
        grid.addItemClickListener(e -> versions.stream()
                .filter(v -> v.versionNo() < e.getItem().versionNo())
                .findFirst()
                .ifPresent(prev -> {
                    from.setValue(prev);
                    to.setValue(e.getItem());
                }));

        for (var select : java.util.List.of(from, to)) {
            select.setItems(versions);
            select.setItemLabelGenerator(v -> "Version " + v.versionNo() + " (" + v.savedBy() + ")");
            select.addValueChangeListener(e -> compare());
            select.setWidth("18rem");
        }
        from.setLabel("Older (left)");
        to.setLabel("Newer (right)");
        var pickers = new Div(from, to);
        pickers.addClassName("toolbar");
        add(grid, pickers, diff);
        getFooter().add(new Button("Close", e -> close()));

        if (versions.size() >= 2) {
            to.setValue(versions.get(0));
            from.setValue(versions.get(1));
        } else {
            add(new Span("Only one version has been saved so far; edit the playbook to start its history."));
        }
    }

    private void compare() {
        if (from.getValue() != null && to.getValue() != null) {
            diff.show(service.diff(
                    playbookId, from.getValue().versionNo(), to.getValue().versionNo()));
        }
    }
}
