package com.infraconsole.server.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.EnvironmentService;
import com.infraconsole.server.EnvironmentUsage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("environments")
@PageTitle("Environments")
@Menu(order = 15, icon = "vaadin:cluster", title = "Environments")
@RolesAllowed(Role.ADMIN_NAME)
class EnvironmentsView extends VerticalLayout {

    private final EnvironmentService service;
    final Grid<EnvironmentUsage> grid = new Grid<>();

    EnvironmentsView(EnvironmentService service) {
        this.service = service;
        setSizeFull();
        var add = new Button("New environment", new Icon(VaadinIcon.PLUS), e -> open(new Environment("", null), 0));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new Div(add);
        toolbar.addClassName("toolbar");

        grid.addColumn(u -> u.environment().getName())
                .setHeader("Name")
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(u -> u.environment().getDescription())
                .setHeader("Description")
                .setSortProperty("description")
                .setFlexGrow(3);
        grid.addColumn(EnvironmentUsage::serverCount).setHeader("Servers").setAutoWidth(true);
        grid.addColumn(u -> UtcTime.format(u.environment().getUpdatedAt()))
                .setHeader("Updated")
                .setSortProperty("updatedAt")
                .setAutoWidth(true);
        grid.addColumn(u -> u.environment().getUpdatedBy()).setHeader("By").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> service.list(toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(grid, row -> reopen(row.environment().getId()));
        grid.setEmptyStateText("No environments yet.");
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private void reopen(long id) {
        service.get(id).ifPresentOrElse(env -> open(env, service.serverCount(env)), this::refresh);
    }

    void open(Environment environment, long serverCount) {
        new EnvironmentDialog(
                        environment,
                        serverCount,
                        service.credentialChoices(),
                        toSave -> {
                            var wasNew = toSave.isNew();
                            var saved = service.save(toSave);
                            Notifications.success((wasNew ? "Created " : "Saved ") + saved.getName());
                            refresh();
                        },
                        toDelete -> {
                            service.delete(toDelete);
                            Notifications.success("Deleted " + toDelete.getName());
                            refresh();
                        },
                        () -> {
                            refresh();
                            if (!environment.isNew()) {
                                reopen(environment.getId());
                            }
                        })
                .open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
