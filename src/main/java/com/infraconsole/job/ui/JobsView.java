package com.infraconsole.job.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.ui.GridRows;
import com.infraconsole.job.JobFilter;
import com.infraconsole.job.JobService;
import com.infraconsole.job.JobStatus;
import com.infraconsole.job.JobSummary;
import com.infraconsole.playbook.PlaybookSource.PlaybookRef;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.data.domain.PageRequest;

/** All jobs, newest first, filtered by status, playbook, server, user and creation date. */
@Route("jobs")
@PageTitle("Jobs")
@Menu(order = 30, icon = "vaadin:play-circle", title = "Jobs")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class JobsView extends VerticalLayout {

    private final JobService jobs;
    private final Clock clock;
    private final Grid<JobSummary> grid = new Grid<>(JobSummary.class, false);
    private final Select<JobStatus> status = new Select<>();
    private final ComboBox<PlaybookRef> playbook = new ComboBox<>();
    private final ComboBox<Server> server = new ComboBox<>();
    private final ComboBox<com.infraconsole.job.UserRef> user = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private Registration poll;

    JobsView(JobService jobs, ServerService servers, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        setSizeFull();
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(JobStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setAriaLabel("Status");
        playbook.setPlaceholder("Any playbook");
        playbook.setItems(
                q -> jobs.playbooks(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        playbook.setItemLabelGenerator(PlaybookRef::name);
        playbook.setAriaLabel("Playbook");
        server.setPlaceholder("Any server");
        server.setItems(q -> servers
                .list(
                        new ServerFilter(q.getFilter().orElse(""), null, null),
                        PageRequest.of(q.getPage(), q.getPageSize()))
                .stream());
        server.setItemLabelGenerator(Server::getHostname);
        server.setAriaLabel("Server");
        user.setPlaceholder("Any user");
        user.setItems(q -> jobs.users(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        user.setItemLabelGenerator(com.infraconsole.job.UserRef::username);
        user.setAriaLabel("User");
        from.setPlaceholder("From");
        from.setAriaLabel("Created from");
        to.setPlaceholder("To");
        to.setAriaLabel("Created up to");
        for (var field :
                new com.vaadin.flow.component.AbstractField<?, ?>[] {status, playbook, server, user, from, to}) {
            field.addValueChangeListener(e -> refresh());
        }
        playbook.setClearButtonVisible(true);
        server.setClearButtonVisible(true);
        user.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        var launch = new Button(
                "Launch job",
                new Icon(VaadinIcon.PLAY),
                e -> new LaunchDialog(jobs, servers, id -> getUI().ifPresent(ui -> ui.navigate("jobs/" + id))).open());
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setVisible(CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR));
        var spacer = new Div();
        spacer.addClassName("grow");
        var toolbar = new Div(status, playbook, server, user, from, to, spacer, launch);
        toolbar.addClassName("toolbar");
        configureGrid();
        add(toolbar, grid);
    }

    private void configureGrid() {
        grid.addColumn(j -> "#" + j.id())
                .setHeader("Job")
                .setSortProperty("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(j -> JobBadges.status(j.status()))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(JobSummary::playbookName)
                .setHeader("Playbook")
                .setSortProperty("playbookName")
                .setFlexGrow(2);
        grid.addColumn(JobSummary::targetsLabel)
                .setHeader("Targets")
                .setSortProperty("firstTarget")
                .setFlexGrow(2);
        grid.addColumn(JobSummary::username)
                .setHeader("User")
                .setSortProperty("username")
                .setAutoWidth(true);
        grid.addColumn(j -> JobBadges.when(j.createdAt()))
                .setHeader("Created")
                .setSortProperty("createdAt")
                .setAutoWidth(true);
        grid.addColumn(j -> JobBadges.duration(j.startedAt(), j.completedAt(), clock.instant()))
                .setHeader("Duration")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> jobs.list(filter(), toSpringPageRequest(q)).stream(), q -> (int) jobs.count(filter()));
        GridRows.openOnClickOrEnter(grid, job -> getUI().ifPresent(ui -> ui.navigate("jobs/" + job.id())));
        grid.setEmptyStateText("No jobs match these filters.");
        grid.setSizeFull();
    }

    private JobFilter filter() {
        var zone = ZoneOffset.UTC; // days as the grid shows times: in UTC, not the JVM's zone
        return new JobFilter(
                status.getValue(),
                playbook.getValue() == null ? null : playbook.getValue().id(),
                server.getValue() == null ? null : server.getValue().getId(),
                user.getValue() == null ? null : user.getValue().id(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The list refreshes itself every 5 s while open (statuses and durations change). */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(5000);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
