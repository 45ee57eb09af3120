package com.infraconsole.ticket.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketFilter;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import jakarta.annotation.security.RolesAllowed;

@Route("tickets")
@PageTitle("Tickets")
@Menu(order = 40, icon = "vaadin:clipboard-check", title = "Tickets")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class TicketsView extends VerticalLayout {

    private final TicketService service;
    private final ServerService servers;
    private final Grid<Ticket> grid = new Grid<>(Ticket.class, false);
    private final TextField search = new TextField();
    private final Select<TicketStatus> status = new Select<>();
    private final Select<TicketPriority> priority = new Select<>();
    private final Checkbox mine = new Checkbox("Assigned to me");
    private final Checkbox openOnly = new Checkbox("Open only", true);
    private final boolean canEdit;

    TicketsView(TicketService service, ServerService servers) {
        this.service = service;
        this.servers = servers;
        this.canEdit = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR);
        setSizeFull();

        search.setPlaceholder("Title, description or #number");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("grow");
        search.setMinWidth("16rem");
        search.setAriaLabel("Search tickets");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(TicketStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setAriaLabel("Status");
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption("Any priority");
        priority.setItems(TicketPriority.values());
        priority.setItemLabelGenerator(p -> p == null ? "Any priority" : p.label());
        priority.setAriaLabel("Priority");
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        priority.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        openOnly.addValueChangeListener(e -> refresh());

        var add = new Button("New ticket", new Icon(VaadinIcon.PLUS), e -> open(new Ticket()));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        var toolbar = new Div(search, status, priority, mine, openOnly, add);
        toolbar.addClassName("toolbar");

        configureGrid();
        add(toolbar, grid);
    }

    private void configureGrid() {
        grid.addColumn(t -> "#" + t.getId())
                .setHeader("#")
                .setSortProperty("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Ticket::getTitle)
                .setHeader("Title")
                .setKey("title")
                .setSortProperty("title")
                .setWidth("15rem")
                .setFlexGrow(3)
                .setTooltipGenerator(Ticket::getTitle);
        grid.addComponentColumn(t -> Badges.badge(t.getPriority().label(), tone(t.getPriority())))
                .setHeader("Priority")
                .setSortProperty("priority")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(t -> Badges.badge(t.getStatus().label(), tone(t.getStatus())))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.getAssignee() == null ? "" : t.getAssignee().getUsername())
                .setHeader("Assignee")
                .setSortProperty("assignee.username")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(t -> t.getReporter() == null ? "" : t.getReporter().getUsername())
                .setHeader("Reporter")
                .setSortProperty("reporter.username")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(t -> t.getServer() == null ? "" : t.getServer().getHostname())
                .setHeader("Server")
                .setSortProperty("server.hostname")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(t -> UtcTime.format(t.getUpdatedAt()))
                .setHeader("Updated")
                .setSortProperty("updatedAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> service.list(filter(), toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(
                grid, ticket -> service.get(ticket.getId()).ifPresentOrElse(this::open, this::refresh));
        grid.setEmptyStateText("No tickets match these filters.");
        grid.setSizeFull();
    }

    private TicketFilter filter() {
        var me = mine.getValue() ? CurrentUser.get().map(p -> p.id()).orElse(-1L) : null;
        return new TicketFilter(search.getValue(), status.getValue(), priority.getValue(), me, openOnly.getValue());
    }

    private void open(Ticket ticket) {
        new TicketDialog(
                        ticket,
                        service,
                        servers,
                        canEdit,
                        toSave -> {
                            var wasNew = toSave.isNew();
                            var saved = service.save(toSave);
                            Notifications.success((wasNew ? "Created #" : "Saved #") + saved.getId());
                            refresh();
                        },
                        () -> {
                            refresh();
                            if (!ticket.isNew()) {
                                service.get(ticket.getId()).ifPresent(this::open);
                            }
                        })
                .open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    static Badges.Tone tone(TicketStatus status) {
        return switch (status) {
            case OPEN -> Badges.Tone.INFO;
            case IN_PROGRESS -> Badges.Tone.WARNING;
            case RESOLVED -> Badges.Tone.SUCCESS;
            case CLOSED -> Badges.Tone.NEUTRAL;
        };
    }

    static Badges.Tone tone(TicketPriority priority) {
        return switch (priority) {
            case LOW -> Badges.Tone.NEUTRAL;
            case MEDIUM -> Badges.Tone.INFO;
            case HIGH -> Badges.Tone.WARNING;
            case CRITICAL -> Badges.Tone.ERROR;
        };
    }
}
