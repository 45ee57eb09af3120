package com.infraconsole.credential.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.ui.GridRows;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.security.Role;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** ADMIN's list of credentials: what they are and who saved them when, never a secret. */
@Route("credentials")
@PageTitle("Credentials")
@Menu(order = 16, icon = "vaadin:key", title = "Credentials")
@RolesAllowed(Role.ADMIN_NAME)
class CredentialsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final CredentialService service;
    final Grid<CredentialSummary> grid = new Grid<>();

    CredentialsView(CredentialService service) {
        this.service = service;
        setSizeFull();
        var add = new Button("New credential", new Icon(VaadinIcon.PLUS), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new Div(add);
        toolbar.addClassName("toolbar");

        grid.addColumn(CredentialSummary::name)
                .setHeader("Name")
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(c -> c.kind().label())
                .setHeader("Type")
                .setSortProperty("kind")
                .setAutoWidth(true);
        grid.addColumn(CredentialSummary::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(c -> c.fingerprint() == null ? "" : c.fingerprint())
                .setHeader("Fingerprint")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(c -> c.createdBy() + ", " + when(c.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(c -> c.updatedBy() + ", " + when(c.updatedAt()))
                .setHeader("Last saved")
                .setSortProperty("updatedAt")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> service.list(toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(grid, row -> service.get(row.id()).ifPresentOrElse(this::open, this::refresh));
        grid.setEmptyStateText("No credentials yet. A job reaches a server with the credential of the server,"
                + " of its environment, or the one chosen at launch.");
        grid.setSizeFull();
        add(toolbar, grid);
    }

    void open(CredentialSummary existing) {
        new CredentialDialog(
                        existing,
                        draft -> {
                            var saved = existing == null
                                    ? service.create(draft)
                                    : service.update(existing.id(), existing.version(), draft);
                            Notifications.success((existing == null ? "Created " : "Saved ") + saved.name());
                            refresh();
                        },
                        c -> {
                            service.delete(c.id(), c.version());
                            Notifications.success("Deleted " + c.name());
                            refresh();
                        },
                        this::refresh)
                .open();
    }

    private static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
