package com.infraconsole.dashboard.ui;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.dashboard.DashboardSnapshot.RecentFailure;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;

/** The newest failed or timed-out jobs, each linking to its job page (route jobs/<id>). */
final class RecentFailuresGrid extends Grid<RecentFailure> {

    RecentFailuresGrid() {
        super(RecentFailure.class, false);
        addComponentColumn(f -> new Anchor("jobs/" + f.jobId(), "#" + f.jobId()))
                .setHeader("Job")
                .setKey("job")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(RecentFailure::playbook).setHeader("Playbook").setAutoWidth(true);
        addColumn(RecentFailure::server).setHeader("Server").setAutoWidth(true);
        addComponentColumn(f -> Badges.badge(
                        "timed_out".equals(f.status()) ? "Timed out" : "Failed",
                        "timed_out".equals(f.status()) ? Badges.Tone.WARNING : Badges.Tone.ERROR))
                .setHeader("Outcome")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(f -> UtcTime.format(f.completedAt())).setHeader("Completed").setAutoWidth(true);
        addColumn(RecentFailure::error).setHeader("Error").setFlexGrow(3);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setEmptyStateText("No failed jobs. Nice.");
    }

    void show(List<RecentFailure> failures) {
        setItems(failures);
    }
}
