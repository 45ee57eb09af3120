package com.infraconsole.dashboard.ui;

import com.infraconsole.base.UtcTime;
import com.infraconsole.dashboard.DashboardService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.ui.SandboxBanner;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;

/**
 * The landing page of every role: tiles, charts and the newest failures. It polls the server
 * every {@value #REFRESH_MILLIS} ms and redraws itself, so a wall screen stays current.
 */
@Route("")
@PageTitle("Dashboard")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class DashboardView extends VerticalLayout {

    static final int REFRESH_MILLIS = 15_000;

    private final DashboardService service;
    private final JobService jobs;
    private final Div alerts = new Div();
    private final Span updated = new Span();
    private final Div tiles = new Div();
    private final Div charts = new Div();
    private final RecentFailuresGrid failures = new RecentFailuresGrid();
    private Registration poll;

    DashboardView(DashboardService service, JobService jobs) {
        this.service = service;
        this.jobs = jobs;
        alerts.setWidthFull();
        addClassName("dashboard");
        updated.addClassName("muted");
        updated.setId("dashboard-updated");
        tiles.addClassName("tiles");
        charts.addClassName("panels");
        var failuresPanel = new Div(DashboardTiles.heading("Recent failures"), failures);
        failuresPanel.addClassName("panel");
        failuresPanel.setWidthFull();
        add(alerts, updated, tiles, charts, failuresPanel);
        refresh();
    }

    /** Reads a new snapshot and redraws everything. */
    void refresh() {
        alerts.removeAll();
        SandboxBanner.of(jobs.sandboxStatus()).ifPresent(alerts::add);
        var snapshot = service.snapshot();
        updated.setText(
                "Updated " + UtcTime.format(snapshot.takenAt()) + ", refreshes every " + REFRESH_MILLIS / 1000 + " s");
        tiles.removeAll();
        tiles.add(DashboardTiles.tiles(snapshot).toArray(com.vaadin.flow.component.Component[]::new));
        charts.removeAll();
        charts.add(DashboardCharts.panels(snapshot).toArray(com.vaadin.flow.component.Component[]::new));
        failures.show(snapshot.recentFailures());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        ui.setPollInterval(REFRESH_MILLIS);
        poll = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
