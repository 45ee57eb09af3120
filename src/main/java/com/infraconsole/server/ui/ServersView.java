package com.infraconsole.server.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.Downloads;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerRow;
import com.infraconsole.server.ServerService;
import com.infraconsole.server.ServerStatus;
import com.infraconsole.server.ServerTransferService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Route("servers")
@PageTitle("Servers")
@Menu(order = 10, icon = "vaadin:server", title = "Servers")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class ServersView extends VerticalLayout {

    private final ServerService service;
    private final ServerTransferService transfer;
    final Grid<ServerRow> grid = new Grid<>();
    /** The filter the grid shows, read by the export download outside the UI lock. */
    private volatile ServerFilter currentFilter = ServerFilter.none();

    private final TextField search = new TextField();
    private final ComboBox<Environment> environment = new ComboBox<>();
    private final Select<ServerStatus> status = new Select<>();
    private final boolean canEdit;

    ServersView(ServerService service, ServerTransferService transfer) {
        this.service = service;
        this.transfer = transfer;
        this.canEdit = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR);
        setSizeFull();

        search.setPlaceholder("Hostname, IP, OS or location");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("grow");
        search.setAriaLabel("Search servers");
        environment.setPlaceholder("All environments");
        environment.setItems(service.environments());
        environment.setItemLabelGenerator(Environment::getName);
        environment.setClearButtonVisible(true);
        environment.setAriaLabel("Environment");
        status.setPlaceholder("Any status");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(ServerStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setAriaLabel("Status");
        search.addValueChangeListener(e -> refresh());
        environment.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());

        var add = new Button("New server", new Icon(VaadinIcon.PLUS), e -> open(new Server()));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        var importButton = new Button(
                "Import",
                new Icon(VaadinIcon.UPLOAD),
                e -> new ImportDialog(transfer, service.environments(), this::refresh).open());
        importButton.setVisible(canEdit);
        var export = new Anchor(exportHandler(), "");
        export.add(new Button("Export CSV", new Icon(VaadinIcon.DOWNLOAD)));
        var toolbar = new Div(search, environment, status, add, importButton, export);
        toolbar.addClassName("toolbar");

        configureGrid();
        add(toolbar, grid);
    }

    private void configureGrid() {
        grid.addColumn(r -> r.server().getHostname())
                .setHeader("Hostname")
                .setKey("hostname")
                .setSortProperty("hostname")
                .setAutoWidth(true)
                .setFlexGrow(1);
        // Address and SSH port share a column: the port is rarely not 22, but must be seen when it is not.
        grid.addColumn(r -> address(r.server()))
                .setHeader("Address")
                .setSortProperty("ipAddress")
                .setAutoWidth(true);
        grid.addColumn(r -> r.server().getEnvironment().getName())
                .setHeader("Environment")
                .setSortProperty("environment.name")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.badge(
                        r.server().getStatus().label(), tone(r.server().getStatus())))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.server().getOsType())
                .setHeader("OS")
                .setSortProperty("osType")
                .setAutoWidth(true);
        grid.addColumn(r -> r.server().getLocation())
                .setHeader("Location")
                .setSortProperty("location")
                .setWidth("10em")
                .setFlexGrow(1);
        // Resolved per page in one query (ServerService.listRows), not per row.
        grid.addColumn(ServerRow::createdBy)
                .setHeader("Created by")
                .setKey("createdBy")
                .setAutoWidth(true);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> service.listRows(filter(), toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(
                grid, row -> service.get(row.server().getId()).ifPresentOrElse(this::open, this::refresh));
        grid.setEmptyStateText("No servers match these filters.");
        grid.setSizeFull();
    }

    private ServerFilter filter() {
        var env = environment.getValue();
        return new ServerFilter(search.getValue(), env == null ? null : env.getId(), status.getValue());
    }

    private void open(Server server) {
        new ServerDialog(
                        server,
                        service.environments(),
                        canEdit ? service.credentialChoices() : List.of(),
                        canEdit,
                        saved -> {
                            var wasNew = saved.isNew();
                            var result = service.save(saved);
                            com.infraconsole.base.ui.Notifications.success(
                                    (wasNew ? "Created " : "Saved ") + result.getHostname());
                            refresh();
                        },
                        toDelete -> {
                            service.delete(toDelete);
                            com.infraconsole.base.ui.Notifications.success("Deleted " + toDelete.getHostname());
                            refresh();
                        },
                        () -> {
                            refresh();
                            if (!server.isNew()) {
                                service.get(server.getId()).ifPresent(this::open);
                            }
                        })
                .open();
    }

    private void refresh() {
        currentFilter = filter();
        grid.getDataProvider().refreshAll();
    }

    /** Streams the filtered list as CSV straight into the response; never builds the file in memory. */
    private DownloadHandler exportHandler() {
        return event -> Downloads.limited(event, () -> {
            event.setFileName("servers.csv");
            event.setContentType("text/csv; charset=UTF-8");
            var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            transfer.exportCsv(currentFilter, writer);
            writer.flush();
        });
    }

    private static String address(Server s) {
        var ip = s.getIpAddress().contains(":") ? "[" + s.getIpAddress() + "]" : s.getIpAddress();
        return ip + ":" + s.getSshPort();
    }

    static Badges.Tone tone(ServerStatus status) {
        return switch (status) {
            case ACTIVE -> Badges.Tone.SUCCESS;
            case MAINTENANCE -> Badges.Tone.WARNING;
            case INACTIVE -> Badges.Tone.NEUTRAL;
        };
    }
}
